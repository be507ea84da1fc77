import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLogger, loadConfig, runMain, startHttpService, createHttpApp, type BootstrapOptions } from '@ains/platform';
import { runMigrations } from '@ains/persistence';
import { createServiceModule } from './service-module';
import type { BaseServiceSettings, ServiceDefinition } from './service-definition';
import { standaloneRegistry } from './standalone-registry';

/**
 * A service's entry point. `node main.js` serves; `node main.js migrate` applies the schema's
 * pending migrations and exits (the Kubernetes migration job and `npm run migrate` use it).
 */
export function runService<C extends BaseServiceSettings>(definition: ServiceDefinition<C>, argv = process.argv.slice(2)): void {
  const registry = standaloneRegistry();
  if (registry) {
    registry.services.push({
      name: definition.name,
      start: async (env) => {
        const app = await createHttpApp({ ...appOptions(definition, loadConfig(definition.config, env) as C), handleSignals: false });
        await app.listen(Number(env.PORT), env.HOST ?? '127.0.0.1');
        return app;
      },
    });
    return;
  }
  runMain(async () => {
    const config = loadConfig(definition.config, process.env) as C;
    const command = argv[0] ?? 'serve';
    if (command === 'migrate') {
      const applied = await runMigrations({
        url: config.DATABASE_URL,
        schema: definition.schema,
        applicationName: `${definition.name}-migrate`,
        entities: definition.entities,
        migrations: definition.migrations,
      });
      process.stdout.write(`${definition.name}: ${applied.length} migration(s) applied${applied.length ? `: ${applied.join(', ')}` : ''}\n`);
      return;
    }
    if (command !== 'serve') throw new Error(`Unknown command "${command}". Use "serve" or "migrate".`);
    await startService(definition, config);
  });
}

export async function startService<C extends BaseServiceSettings>(definition: ServiceDefinition<C>, config: C): Promise<NestFastifyApplication> {
  return startHttpService(appOptions(definition, config));
}

/** Builds the app without listening: integration tests drive it with `app.inject` or their own port. */
export async function createServiceApp<C extends BaseServiceSettings>(definition: ServiceDefinition<C>, config: C): Promise<NestFastifyApplication> {
  return createHttpApp(appOptions(definition, config));
}

function appOptions<C extends BaseServiceSettings>(definition: ServiceDefinition<C>, config: C): BootstrapOptions {
  const logger = createLogger({ service: definition.name, level: config.LOG_LEVEL });
  return {
    service: definition.name,
    module: createServiceModule(definition, config, logger),
    settings: config,
    logger,
  };
}
