import type { Logger } from 'pino';
import type { MixedList, EntitySchema } from 'typeorm';
import { createLogger } from '@ains/platform';
import { JsonQueryLogger } from './json-query-logger';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';

export interface ServiceDatabaseOptions {
  /** Postgres connection URL. */
  url: string;
  /** The schema this service owns; all of its tables and its migration history live there. */
  schema: string;
  /** Used as the Postgres application_name, so connections are attributable in pg_stat_activity. */
  applicationName: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
  /** The service's logger; without one (migration jobs, tools) a JSON logger of its own is made. */
  logger?: Logger;
}

/** TypeORM settings for one service's schema. Schema changes only ever happen through migrations. */
export function toDataSourceOptions(options: ServiceDatabaseOptions): PostgresConnectionOptions {
  return {
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    applicationName: options.applicationName,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error', 'warn'],
    logger: new JsonQueryLogger(options.logger ?? createLogger({ service: options.applicationName, level: 'info' })),
    poolSize: options.poolSize ?? 10,
    extra: { connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 },
  };
}
