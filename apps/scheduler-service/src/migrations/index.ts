import { messagingTablesMigration } from '@ains/messaging';

/** Applied in this order; append new migrations at the end. */
export const migrations = [messagingTablesMigration('scheduler', 1764130000000)];
