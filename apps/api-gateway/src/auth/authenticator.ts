import { setTimeout as delay } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Caller } from '@ains/contracts';
import { APP_CONFIG, LOGGER, ProblemException } from '@ains/platform';
import { parseApiKey } from '../api-keys/api-key-format';
import { ApiKeyStore } from '../api-keys/api-key-store';
import { keyAccepts } from '../api-keys/cached-key';
import { AuditService } from '../audit/audit.service';
import type { GatewaySettings } from '../gateway-settings';
import { addressAllowed } from './address-allow-list';
import { respondToFailure, type FailurePolicySettings } from './failure-policy';
import { FailureTracker } from './failure-tracker';
import { LastUsedRecorder } from './last-used-recorder';

export interface Principal {
  caller: Caller;
  rateLimitPerMinute: number;
  burstPerSecond: number | null;
}

type Headers = Record<string, string | string[] | undefined>;

/** The lockout subject of every presentation that names no existing key. */
const NO_KNOWN_KEY = 'no-known-key';

/** The one answer to every bad key: it must not tell an unknown key from a revoked or expired one. */
const unauthenticated = () =>
  new ProblemException({ status: 401, type: 'unauthenticated', title: 'Unauthenticated', detail: 'A valid API key is required.', headers: { 'www-authenticate': 'Bearer' } });

/** Reads the key from `X-API-Key` or `Authorization: Bearer`. */
export function presentedKey(headers: Headers): string | undefined {
  const header = headers['x-api-key'];
  if (typeof header === 'string' && header) return header.trim();
  const authorization = headers.authorization;
  if (typeof authorization !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match?.[1];
}

/** Turns the presented API key into the caller, or refuses with 401 (or 429 while locked out). */
@Injectable()
export class Authenticator {
  private readonly pepper: string;
  private readonly policy: FailurePolicySettings;

  constructor(
    private readonly store: ApiKeyStore,
    private readonly failures: FailureTracker,
    private readonly audit: AuditService,
    private readonly lastUsed: LastUsedRecorder,
    @Inject(APP_CONFIG) config: GatewaySettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.pepper = config.API_KEY_PEPPER ?? '';
    this.policy = {
      slowdownAfter: config.AUTH_SLOWDOWN_AFTER_FAILURES,
      slowdownStepMs: config.AUTH_SLOWDOWN_STEP_MS,
      slowdownMaxMs: config.AUTH_SLOWDOWN_MAX_MS,
      lockoutAfter: config.AUTH_LOCKOUT_AFTER_FAILURES,
    };
  }

  /**
   * Authenticates, then runs `meter` (the rate limit) for the principal. A key this instance
   * holds in memory costs no lookup, so its lockout check runs alongside `meter`: both commands go
   * to Redis in one round trip. Any other key's lockout is checked before its lookup, so a
   * locked-out guess costs no lookup.
   */
  async authenticate<T>(headers: Headers, ip: string, meter: (principal: Principal) => Promise<T>): Promise<{ principal: Principal; metered: T }> {
    const presented = presentedKey(headers);
    const parsed = presented === undefined ? undefined : parseApiKey(presented);
    const local = parsed && this.store.findLocal(parsed.keyId);
    if (parsed && !local) await this.refuseIfLockedOut(ip, `key:${parsed.keyId}`);
    const key = local ?? (parsed ? await this.store.find(parsed.keyId) : undefined);
    // Lockouts key on the address and what was presented: an existing key's id, or anything else (missing, malformed, unknown).
    const subject = key ? `key:${key.id}` : NO_KNOWN_KEY;
    if (!key) await this.refuseIfLockedOut(ip, subject);
    if (!parsed || !key || !keyAccepts(key, parsed.secret, this.pepper, Date.now())) {
      const reason = !presented ? 'missing' : !parsed ? 'malformed' : !key ? 'unknown' : 'rejected';
      await this.fail(ip, subject, reason, parsed?.keyId ?? null, key?.clientId ?? null);
      throw unauthenticated();
    }
    if (!addressAllowed(ip, key.allowedCidrs ?? [])) throw await this.refuseAddress(ip, key.id, key.clientId);
    const principal: Principal = {
      caller: { clientId: key.clientId, keyId: key.id, scopes: key.scopes, agentId: key.agentId },
      rateLimitPerMinute: key.rateLimitPerMinute,
      burstPerSecond: key.burstPerSecond,
    };
    const [, metered] = await Promise.all([local ? this.refuseIfLockedOut(ip, subject) : undefined, meter(principal)]);
    this.lastUsed.touch(key.id);
    return { principal, metered };
  }

  /** A valid key used from outside its allowed ranges: not a guessed key, so it does not count toward the lockout. */
  private async refuseAddress(ip: string, keyId: string, clientId: string): Promise<ProblemException> {
    this.logger.warn({ ip, keyId }, 'API key used from an address outside its allowed ranges');
    await this.audit.record({ action: 'auth.address_refused', outcome: 'denied', clientId, keyId, ip, detail: {} });
    return new ProblemException({
      status: 403,
      type: 'address-not-allowed',
      title: 'Address not allowed',
      detail: `This API key is not accepted from ${ip}; its allowed_cidrs do not include that address.`,
    });
  }

  /** A presented key id is checked before its lookup, so a locked-out guess of an existing key costs no lookup. */
  private async refuseIfLockedOut(ip: string, subject: string): Promise<void> {
    const lockedFor = await this.failures.lockoutRemaining(ip, subject);
    if (lockedFor > 0) throw lockedOut(lockedFor);
  }

  /** Every failure from the address slows its next ones down; repeated failures of one presented key lock that key out from the address. */
  private async fail(ip: string, subject: string, reason: string, keyId: string | null, clientId: string | null): Promise<void> {
    const counts = await this.failures.recordFailure(ip, subject);
    const { delayMs } = respondToFailure(counts.fromAddress, this.policy);
    const { lockout } = respondToFailure(counts.ofPresented, this.policy);
    this.logger.warn({ ip, reason, keyId, failures: counts.fromAddress, failuresOfPresentedKey: counts.ofPresented }, 'authentication failed');
    await this.audit.record({ action: 'auth.failure', outcome: 'failure', clientId, keyId, ip, detail: { reason, failures_in_window: counts.fromAddress, failures_of_presented_key: counts.ofPresented } });
    if (lockout) {
      await this.failures.lockOut(ip, subject);
      this.logger.warn({ ip, keyId, failures: counts.ofPresented }, 'key locked out from the address after repeated authentication failures');
      await this.audit.record({ action: 'auth.lockout', outcome: 'denied', keyId, clientId, ip, detail: { presented: subject, failures_in_window: counts.ofPresented } });
    }
    if (delayMs > 0) await delay(delayMs);
  }
}

function lockedOut(retryAfterSeconds: number): ProblemException {
  return new ProblemException({
    status: 429,
    type: 'too-many-failed-authentications',
    title: 'Too many failed authentications',
    detail: 'Requests from this address with this key (or without a valid one) are refused for a while after repeated authentication failures.',
    headers: { 'retry-after': String(retryAfterSeconds) },
  });
}
