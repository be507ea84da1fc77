import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import type { ApiKeyView, Caller, CreateApiKeyBody, RotateApiKeyBody, Scope } from '@ains/contracts';
import { APP_CONFIG, LOGGER, ProblemException } from '@ains/platform';
import { decodeCursor, encodeCursor } from '@ains/persistence';
import { AuditService } from '../audit/audit.service';
import type { GatewaySettings } from '../gateway-settings';
import { ApiKey } from './api-key.entity';
import { formatApiKey, hashSecret, newKeyId, newSecret, parseApiKey } from './api-key-format';
import { toApiKeyView } from './api-key.mapper';
import { ApiKeyStore } from './api-key-store';
import { ApiKeysRepository } from './api-keys.repository';

export type IssuedApiKey = ApiKeyView & { api_key: string };

export interface NewKey {
  name: string;
  clientId: string;
  scopes: Scope[];
  agentId?: string | null;
  rateLimitPerMinute?: number;
  burstPerSecond?: number | null;
  expiresAt?: Date | null;
  allowedCidrs?: string[];
  createdBy: string | null;
}

/** Issuing, listing, rotating and revoking API keys; every admin action is audited. */
@Injectable()
export class ApiKeysService implements OnApplicationBootstrap {
  private readonly pepper: string;

  constructor(
    private readonly repository: ApiKeysRepository,
    private readonly store: ApiKeyStore,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: GatewaySettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.pepper = config.API_KEY_PEPPER ?? '';
  }

  /** Installs BOOTSTRAP_ADMIN_API_KEY (containers, end-to-end tests) unless that key exists. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.NODE_ENV === 'production' && !this.config.API_KEY_PEPPER) {
      this.logger.warn('API_KEY_PEPPER is not set: key hashes are salted but not peppered');
    }
    const presented = this.config.BOOTSTRAP_ADMIN_API_KEY;
    if (!presented) return;
    const parsed = parseApiKey(presented);
    if (!parsed) throw new Error('BOOTSTRAP_ADMIN_API_KEY is not a valid API key');
    const inserted = await this.repository.insertIfAbsent(this.entity(parsed.keyId, parsed.secret, this.bootstrapKey()));
    if (inserted) {
      this.logger.info({ keyId: parsed.keyId }, 'bootstrap admin key installed');
      await this.audit.record({ action: 'api_key.bootstrap', outcome: 'success', clientId: this.config.BOOTSTRAP_ADMIN_CLIENT_ID, keyId: parsed.keyId, detail: { source: 'BOOTSTRAP_ADMIN_API_KEY' } });
    }
  }

  /** The `bootstrap-admin` command: a fresh admin key, returned (and printed) once. */
  async bootstrapAdmin(): Promise<IssuedApiKey> {
    const issued = await this.issue(this.bootstrapKey());
    await this.audit.record({ action: 'api_key.bootstrap', outcome: 'success', clientId: issued.client_id, keyId: issued.id, detail: { source: 'command' } });
    return issued;
  }

  async create(body: CreateApiKeyBody, caller: Caller, ip: string): Promise<IssuedApiKey> {
    if (body.expires_at !== undefined && Date.parse(body.expires_at) <= Date.now()) {
      throw ProblemException.unprocessable('expires_at is in the past: such a key could never be used.', [{ field: 'expires_at', message: 'must be in the future' }]);
    }
    const issued = await this.issue({
      name: body.name,
      clientId: body.client_id ?? caller.clientId,
      scopes: [...new Set(body.scopes)],
      agentId: body.agent_id ?? null,
      rateLimitPerMinute: body.rate_limit_per_minute,
      burstPerSecond: body.burst_per_second ?? null,
      expiresAt: body.expires_at ? new Date(body.expires_at) : null,
      allowedCidrs: [...new Set(body.allowed_cidrs ?? [])],
      createdBy: caller.keyId,
    });
    await this.audit.record({ action: 'api_key.create', outcome: 'success', clientId: caller.clientId, keyId: caller.keyId, ip, detail: { created_key_id: issued.id, for_client_id: issued.client_id, scopes: issued.scopes } });
    return issued;
  }

  /** The `agent:work` key handed to a newly registered agent, bound to its id. */
  issueAgentKey(agentId: string, displayName: string, caller: Caller): Promise<IssuedApiKey> {
    return this.issue({ name: `agent ${displayName}`.slice(0, 200), clientId: caller.clientId, scopes: ['agent:work'], agentId, createdBy: caller.keyId });
  }

  async list(limit: number, clientId?: string, cursor?: string): Promise<{ data: ApiKeyView[]; next_cursor: string | null }> {
    const after = cursor === undefined ? undefined : decodeCursor(cursor, 2);
    if (cursor !== undefined && !after) throw ProblemException.badRequest('The cursor is not valid.', [{ field: 'cursor', message: 'is not a cursor from a previous page' }]);
    const rows = await this.repository.listPage(limit + 1, clientId, after ? { createdAt: String(after[0]), id: String(after[1]) } : undefined);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { data: page.map(toApiKeyView), next_cursor: rows.length > limit ? encodeCursor([last.createdAt.toISOString(), last.id]) : null };
  }

  async get(id: string): Promise<ApiKeyView> {
    const key = await this.repository.findById(id);
    if (!key) throw ProblemException.notFound(`API key ${id}`);
    return toApiKeyView(key);
  }

  async rotate(id: string, body: RotateApiKeyBody, caller: Caller, ip: string): Promise<IssuedApiKey> {
    const secret = newSecret();
    const now = new Date();
    const graceSeconds = body.grace_period_seconds ?? this.config.API_KEY_ROTATION_GRACE_SECONDS;
    const key = await this.repository.rotate(id, hashSecret(secret, this.pepper), new Date(now.getTime() + graceSeconds * 1000), now);
    if (!key) throw ProblemException.notFound(`Active API key ${id}`);
    await this.store.changed(key);
    await this.audit.record({ action: 'api_key.rotate', outcome: 'success', clientId: caller.clientId, keyId: caller.keyId, ip, detail: { rotated_key_id: id, grace_period_seconds: graceSeconds } });
    return { ...toApiKeyView(key), api_key: formatApiKey(key.id, secret) };
  }

  async revoke(id: string, caller: Caller, ip: string): Promise<void> {
    const key = await this.repository.revoke(id, new Date());
    if (!key) throw ProblemException.notFound(`API key ${id}`);
    await this.store.changed(key);
    await this.audit.record({ action: 'api_key.revoke', outcome: 'success', clientId: caller.clientId, keyId: caller.keyId, ip, detail: { revoked_key_id: id } });
  }

  private bootstrapKey(): NewKey {
    return { name: 'bootstrap admin', clientId: this.config.BOOTSTRAP_ADMIN_CLIENT_ID, scopes: ['admin'], rateLimitPerMinute: this.config.BOOTSTRAP_ADMIN_RATE_LIMIT_PER_MINUTE, createdBy: null };
  }

  private async issue(key: NewKey): Promise<IssuedApiKey> {
    const keyId = newKeyId();
    const secret = newSecret();
    const saved = await this.repository.insert(this.entity(keyId, secret, key));
    return { ...toApiKeyView(saved), api_key: formatApiKey(keyId, secret) };
  }

  private entity(keyId: string, secret: string, key: NewKey): ApiKey {
    const hashed = hashSecret(secret, this.pepper);
    return Object.assign(new ApiKey(), {
      id: keyId,
      name: key.name,
      clientId: key.clientId,
      scopes: key.scopes,
      agentId: key.agentId ?? null,
      rateLimitPerMinute: key.rateLimitPerMinute ?? this.config.API_KEY_DEFAULT_RATE_LIMIT_PER_MINUTE,
      burstPerSecond: key.burstPerSecond ?? null,
      keySalt: hashed.salt,
      keyHash: hashed.hash,
      previousKeySalt: null,
      previousKeyHash: null,
      previousValidUntil: null,
      active: true,
      createdAt: new Date(),
      createdBy: key.createdBy,
      expiresAt: key.expiresAt ?? null,
      allowedCidrs: key.allowedCidrs ?? [],
      lastUsedAt: null,
      rotatedAt: null,
      revokedAt: null,
    });
  }
}
