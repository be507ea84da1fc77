import { Global, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { LOGGER, MetricsService, ReadinessRegistry } from '@ains/platform';
import { toDataSourceOptions, type ServiceDatabaseOptions } from './data-source-options';
import { prepareSchema } from './migrations';
import { DatabasePoolMetrics } from './pool-metrics';

export interface PersistenceModuleOptions extends ServiceDatabaseOptions {
  /** Apply pending migrations at start-up (development); production runs the `migrate` job instead. */
  migrationsRun: boolean;
}

export const DATABASE_SCHEMA = Symbol('DATABASE_SCHEMA');

class DatabaseReadiness implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readiness: ReadinessRegistry,
  ) {}

  onModuleInit(): void {
    this.readiness.register('postgres', async () => {
      await this.dataSource.query('SELECT 1');
      if (await this.dataSource.showMigrations()) {
        throw new Error('the schema has pending migrations');
      }
    });
  }
}

/** The service's TypeORM data source, bound to the schema it owns, with its readiness check and pool metrics. */
@Global()
@Module({})
export class PersistenceModule {
  static forRoot(options: PersistenceModuleOptions): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: (logger: Logger) => toDataSourceOptions({ ...options, logger }),
          inject: [LOGGER],
          dataSourceFactory: async (dataSourceOptions) => {
            const dataSource = await new DataSource(dataSourceOptions ?? toDataSourceOptions(options)).initialize();
            if (options.migrationsRun) await prepareSchema(dataSource, options.schema);
            return dataSource;
          },
        }),
      ],
      providers: [
        { provide: DATABASE_SCHEMA, useValue: options.schema },
        { provide: DatabaseReadiness, useFactory: (ds: DataSource, r: ReadinessRegistry) => new DatabaseReadiness(ds, r), inject: [getDataSourceToken(), ReadinessRegistry] },
        { provide: DatabasePoolMetrics, useFactory: (ds: DataSource, m: MetricsService) => new DatabasePoolMetrics(ds, m), inject: [getDataSourceToken(), MetricsService] },
      ],
      exports: [DATABASE_SCHEMA],
    };
  }
}
