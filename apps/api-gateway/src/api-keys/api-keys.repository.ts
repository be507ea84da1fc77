import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ApiKey } from './api-key.entity';
import type { HashedSecret } from './api-key-format';

export interface ApiKeyPageKey {
  createdAt: string;
  id: string;
}

/** All SQL on gateway.api_keys. */
@Injectable()
export class ApiKeysRepository {
  constructor(@InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>) {}

  insert(key: ApiKey): Promise<ApiKey> {
    return this.keys.save(key);
  }

  /** Inserts unless a key with this id exists; true when inserted. */
  async insertIfAbsent(key: ApiKey): Promise<boolean> {
    const result = await this.keys.createQueryBuilder().insert().into(ApiKey).values(key).orIgnore().execute();
    return (result.raw as unknown[]).length > 0;
  }

  findById(id: string): Promise<ApiKey | null> {
    return this.keys.findOneBy({ id });
  }

  /** Newest first, optionally one client's keys; `after` is the previous page's last sort key. */
  listPage(limit: number, clientId?: string, after?: ApiKeyPageKey): Promise<ApiKey[]> {
    const query = this.keys.createQueryBuilder('key').orderBy('key.createdAt', 'DESC').addOrderBy('key.id', 'DESC').take(limit);
    if (clientId) query.andWhere('key.clientId = :clientId', { clientId });
    if (after) query.andWhere('(key.createdAt, key.id) < (:createdAt, :id)', after);
    return query.getMany();
  }

  /** The current secret becomes the previous one, valid until `previousValidUntil`. */
  async rotate(id: string, next: HashedSecret, previousValidUntil: Date, now: Date): Promise<ApiKey | null> {
    const result = await this.keys.query(
      `UPDATE gateway.api_keys
          SET previous_key_salt = key_salt, previous_key_hash = key_hash, previous_valid_until = $2,
              key_salt = $3, key_hash = $4, rotated_at = $5
        WHERE id = $1 AND active
        RETURNING id`,
      [id, previousValidUntil, next.salt, next.hash, now],
    );
    return (result as [unknown[], number])[1] > 0 ? this.findById(id) : null;
  }

  async revoke(id: string, now: Date): Promise<ApiKey | null> {
    await this.keys.update({ id, active: true }, { active: false, revokedAt: now });
    return this.findById(id);
  }

  async touchLastUsed(id: string, at: Date): Promise<void> {
    await this.keys.update({ id }, { lastUsedAt: at });
  }
}
