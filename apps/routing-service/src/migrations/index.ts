import { messagingTablesMigration } from '@ains/messaging';

/** Applied in this order; append new migrations at the end. */
export const migrations = [messagingTablesMigration('routing', 1764130000000)];
