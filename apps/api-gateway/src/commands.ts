import { loadConfig, runMain } from '@ains/platform';
import { createServiceApp } from '@ains/runtime';
import { ApiKeysService } from './api-keys/api-keys.service';
import { documentedOperations } from './openapi/documented-operations';
import { buildOpenApiDocument } from './openapi/openapi-document';
import type { GatewaySettings } from './gateway-settings';
import { apiGateway } from './service';

/**
 * `node main.js bootstrap-admin` creates an admin API key and prints it once (the first key of an
 * installation); `node main.js openapi` prints the OpenAPI document. Returns false for the other
 * commands, which the runtime handles.
 */
export function runGatewayCommand(argv: string[]): boolean {
  const [command] = argv;
  if (command === 'openapi') {
    process.stdout.write(`${JSON.stringify(buildOpenApiDocument(documentedOperations()), null, 2)}\n`);
    return true;
  }
  if (command === 'bootstrap-admin') {
    runMain(bootstrapAdmin);
    return true;
  }
  return false;
}

async function bootstrapAdmin(): Promise<void> {
  const config = loadConfig(apiGateway.config, { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' }) as GatewaySettings;
  const app = await createServiceApp(apiGateway, config);
  try {
    await app.init();
    const key = await app.get(ApiKeysService).bootstrapAdmin();
    process.stdout.write(`Admin API key for client ${key.client_id} (key id ${key.id}). It is shown only this once:\n${key.api_key}\n`);
  } finally {
    await app.close();
  }
}
