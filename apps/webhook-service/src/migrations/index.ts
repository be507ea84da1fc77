import { messagingTablesMigration } from '@ains/messaging';
import { CreateWebhooks1764150000000 } from './1764150000000-create-webhooks';
import { AnnounceEndpointChanges1765000000000 } from './1765000000000-announce-endpoint-changes';

/** Applied in this order; append new migrations at the end. */
export const migrations = [messagingTablesMigration('webhook', 1764130000000), CreateWebhooks1764150000000, AnnounceEndpointChanges1765000000000];
