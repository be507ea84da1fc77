import { DataSource } from 'typeorm';
import { toDataSourceOptions, type ServiceDatabaseOptions } from './data-source-options';

/**
 * Creates the service's schema if needed, then applies pending migrations. The schema must exist
 * before TypeORM can keep its migration history inside it.
 */
export async function prepareSchema(dataSource: DataSource, schema: string): Promise<string[]> {
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}

/** The `migrate` command: connect, apply pending migrations, disconnect. */
export async function runMigrations(options: ServiceDatabaseOptions): Promise<string[]> {
  const dataSource = new DataSource(toDataSourceOptions({ ...options, poolSize: 1 }));
  await dataSource.initialize();
  try {
    return await prepareSchema(dataSource, options.schema);
  } finally {
    await dataSource.destroy();
  }
}

export function quoteIdentifier(identifier: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(identifier)) {
    throw new Error(`Refusing unsafe SQL identifier: ${identifier}`);
  }
  return `"${identifier}"`;
}
