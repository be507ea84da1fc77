import { CreateApiKeys1764150000000 } from './1764150000000-create-api-keys';

/** Applied in this order; append new migrations at the end. */
export const migrations = [CreateApiKeys1764150000000];
