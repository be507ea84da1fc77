import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { LOGGER } from '@ains/platform';
import { ApiKeysRepository } from '../api-keys/api-keys.repository';

const RESOLUTION_MS = 60_000;

/**
 * Keeps `last_used_at` current to the minute without a database write per request: each instance
 * writes a key's time at most once a minute, in the background.
 */
@Injectable()
export class LastUsedRecorder {
  private readonly written = new LRUCache<string, true>({ max: 100_000, ttl: RESOLUTION_MS });

  constructor(
    private readonly repository: ApiKeysRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  touch(keyId: string): void {
    if (this.written.has(keyId)) return;
    this.written.set(keyId, true);
    this.repository.touchLastUsed(keyId, new Date()).catch((error: unknown) => this.logger.warn({ err: error, keyId }, 'could not record last_used_at'));
  }
}
