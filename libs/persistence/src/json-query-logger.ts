import type { Logger } from 'pino';
import type { Logger as TypeOrmLogger } from 'typeorm';

const MAX_QUERY_CHARS = 1_000;

/**
 * TypeORM's log output as JSON lines in the service's own log, and never with a statement's
 * parameters: they hold key salts and hashes, sealed secrets and tenants' task inputs. The error
 * itself reaches the caller, which decides whether it is worth an error line.
 */
export class JsonQueryLogger implements TypeOrmLogger {
  constructor(private readonly logger: Logger) {}

  logQuery(): void {
    // Every statement would drown the log; failed and slow ones are reported below.
  }

  logQueryError(error: string | Error, query: string): void {
    const code = typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
    this.logger.debug({ query: shorten(query), code }, 'query failed');
  }

  logQuerySlow(ms: number, query: string): void {
    this.logger.warn({ ms, query: shorten(query) }, 'slow query');
  }

  logSchemaBuild(message: string): void {
    this.logger.info({ context: 'typeorm' }, message);
  }

  logMigration(message: string): void {
    this.logger.info({ context: 'typeorm' }, message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn({ context: 'typeorm' }, String(message));
    else this.logger.info({ context: 'typeorm' }, String(message));
  }
}

function shorten(query: string): string {
  return query.length > MAX_QUERY_CHARS ? `${query.slice(0, MAX_QUERY_CHARS)}…` : query;
}
