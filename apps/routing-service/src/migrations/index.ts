import { messagingTablesMigration } from '@ains/messaging';
import { CreateRouting1764150000000 } from './1764150000000-create-routing';
import { QueueArrivalOrder1765200000000 } from './1765200000000-queue-arrival-order';

/** Applied in this order; append new migrations at the end. */
export const migrations = [messagingTablesMigration('routing', 1764130000000), CreateRouting1764150000000, QueueArrivalOrder1765200000000];
