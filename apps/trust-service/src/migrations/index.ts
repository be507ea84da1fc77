import { messagingTablesMigration } from '@ains/messaging';
import { CreateTrust1764140000000 } from './1764140000000-create-trust';
import { TrustScoring1764200000000 } from './1764200000000-trust-scoring';

/** Applied in this order; append new migrations at the end. */
export const migrations = [messagingTablesMigration('trust', 1764130000000), CreateTrust1764140000000, TrustScoring1764200000000];
