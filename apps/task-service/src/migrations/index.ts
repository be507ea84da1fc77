import { messagingTablesMigration } from '@ains/messaging';
import { CreateTasks1764150000000 } from './1764150000000-create-tasks';
import { RecordRoutingDecisions1764300000000 } from './1764300000000-record-routing-decisions';
import { SignedReports1765000000000 } from './1765000000000-signed-reports';
import { RoutingCandidatesAndStats1765100000000 } from './1765100000000-routing-candidates-and-stats';

/** Applied in this order; append new migrations at the end. */
export const migrations = [
  messagingTablesMigration('task', 1764130000000),
  CreateTasks1764150000000,
  RecordRoutingDecisions1764300000000,
  SignedReports1765000000000,
  RoutingCandidatesAndStats1765100000000,
];
