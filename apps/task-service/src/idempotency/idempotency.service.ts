import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '@ains/messaging';
import { APP_CONFIG, ProblemException } from '@ains/platform';
import type { TaskSettings } from '../tasks/task-settings';
import { requestHash } from './canonical-json';

export interface IdempotentResult<T> {
  response: T;
  replayed: boolean;
}

const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * `Idempotency-Key` for create operations. The key is claimed in the same transaction as the
 * creation: a concurrent request with the same key waits on the row, then replays the stored
 * response; a failed creation rolls the claim back with it. Keys expire after the configured TTL.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly transactions: TransactionRunner,
    @Inject(APP_CONFIG) private readonly settings: TaskSettings,
  ) {}

  run<T>(clientId: string, operation: string, key: string | undefined, body: unknown, work: (manager: EntityManager) => Promise<T>): Promise<IdempotentResult<T>> {
    if (key === undefined) return this.transactions.run(async (manager) => ({ response: await work(manager), replayed: false }));
    if (!KEY.test(key)) throw ProblemException.badRequest('The Idempotency-Key header is not valid.', [{ field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' }]);
    const hash = requestHash(operation, body);
    return this.transactions.run(async (manager) => {
      const ttl = `${this.settings.TASK_IDEMPOTENCY_TTL_HOURS} hours`;
      await manager.query(`DELETE FROM task.idempotency_keys WHERE client_id = $1 AND operation = $2 AND key = $3 AND created_at < now() - $4::interval`, [clientId, operation, key, ttl]);
      const claimed = (await manager.query(
        'INSERT INTO task.idempotency_keys (client_id, operation, key, request_hash) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING key',
        [clientId, operation, key, hash],
      )) as unknown[];
      if (claimed.length === 0) {
        const [stored] = (await manager.query('SELECT request_hash, response FROM task.idempotency_keys WHERE client_id = $1 AND operation = $2 AND key = $3', [clientId, operation, key])) as {
          request_hash: string;
          response: T;
        }[];
        if (stored.request_hash !== hash) throw ProblemException.unprocessable('This Idempotency-Key was already used with a different request body.', [{ field: 'Idempotency-Key', message: 'was used with another body' }]);
        return { response: stored.response, replayed: true };
      }
      const response = await work(manager);
      await manager.query('UPDATE task.idempotency_keys SET response = $4 WHERE client_id = $1 AND operation = $2 AND key = $3', [clientId, operation, key, JSON.stringify(response)]);
      return { response, replayed: false };
    });
  }

  /** Forgets expired keys (the timer loop calls this now and then). */
  async purgeExpired(manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM task.idempotency_keys WHERE created_at < now() - $1::interval', [`${this.settings.TASK_IDEMPOTENCY_TTL_HOURS} hours`]);
  }
}
