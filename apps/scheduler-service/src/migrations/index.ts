import { messagingTablesMigration } from '@ains/messaging';
import { CreateSchedules1764150000000 } from './1764150000000-create-schedules';
import { RunFailureReason1764900000000 } from './1764900000000-run-failure-reason';
import { AnnounceScheduleChanges1765000000001 } from './1765000000001-announce-schedule-changes';

/** Applied in this order; append new migrations at the end. */
export const migrations = [messagingTablesMigration('scheduler', 1764130000000), CreateSchedules1764150000000, RunFailureReason1764900000000, AnnounceScheduleChanges1765000000001];
