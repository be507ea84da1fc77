import { CreateApiKeys1764150000000 } from './1764150000000-create-api-keys';
import { ApiKeyAllowedCidrs1764900000000 } from './1764900000000-api-key-allowed-cidrs';

/** Applied in this order; append new migrations at the end. */
export const migrations = [CreateApiKeys1764150000000, ApiKeyAllowedCidrs1764900000000];
