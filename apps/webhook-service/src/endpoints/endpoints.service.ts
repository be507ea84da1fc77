import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CreateWebhookBody, RotateWebhookSecretBody, UpdateWebhookBody } from '@ains/contracts';
import { OutboxWriter, TransactionRunner } from '@ains/messaging';
import { decodeCursor, encodeCursor } from '@ains/persistence';
import { DestinationRefusedError, ProblemException, resolveDestination, type DestinationPolicy } from '@ains/platform';
import { DeliveriesRepository } from '../delivery/deliveries.repository';
import { SecretBox } from '../security/secret-box';
import { generateSigningSecret } from '../security/signing';
import { DESTINATION_POLICY } from '../webhook-settings';
import { Endpoint, type DisabledReason } from './endpoint.entity';
import { EndpointsRepository } from './endpoints.repository';

export interface EndpointPage {
  endpoints: Endpoint[];
  nextCursor: string | null;
}

@Injectable()
export class EndpointsService {
  constructor(
    private readonly endpoints: EndpointsRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxWriter,
    private readonly secrets: SecretBox,
    @Inject(DESTINATION_POLICY) private readonly policy: DestinationPolicy,
  ) {}

  /** Creates the endpoint; the plain secret is returned once and stored only sealed. */
  async create(clientId: string, body: CreateWebhookBody): Promise<{ endpoint: Endpoint; secret: string }> {
    await this.assertDestinationAllowed(body.url);
    const secret = generateSigningSecret();
    const endpoint = await this.endpoints.save(
      Object.assign(new Endpoint(), {
        id: randomUUID(),
        clientId,
        url: body.url,
        eventTypes: [...new Set(body.event_types)],
        description: body.description,
        enabled: body.enabled,
        disabledReason: body.enabled ? null : 'manual',
        headers: body.headers,
        secretSealed: this.secrets.seal(secret),
        previousSecretSealed: null,
        previousSecretExpiresAt: null,
        failingSince: null,
      }),
    );
    return { endpoint, secret };
  }

  async get(clientId: string, id: string): Promise<Endpoint> {
    const endpoint = await this.endpoints.findForClient(clientId, id);
    if (!endpoint) throw ProblemException.notFound(`Webhook ${id}`);
    return endpoint;
  }

  async list(clientId: string, limit: number, cursor?: string): Promise<EndpointPage> {
    let after: { createdAt: string; id: string } | undefined;
    if (cursor) {
      const parts = decodeCursor(cursor, 2);
      if (!parts) throw ProblemException.badRequest('The cursor is not valid.', [{ field: 'cursor', message: 'is not a cursor from a previous page' }]);
      after = { createdAt: String(parts[0]), id: String(parts[1]) };
    }
    const rows = await this.endpoints.listPage(clientId, limit + 1, after);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { endpoints: page, nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null };
  }

  /**
   * Applies the changes. Disabling by hand dead-letters what was pending and says so with an event;
   * enabling clears the failure record so the endpoint starts afresh.
   */
  async update(clientId: string, id: string, body: UpdateWebhookBody): Promise<Endpoint> {
    if (body.url !== undefined) await this.assertDestinationAllowed(body.url);
    return this.transactions.run(async (manager) => {
      const endpoint = await this.endpoints.findForClient(clientId, id, manager);
      if (!endpoint) throw ProblemException.notFound(`Webhook ${id}`);
      const wasEnabled = endpoint.enabled;
      if (body.url !== undefined) endpoint.url = body.url;
      if (body.event_types !== undefined) endpoint.eventTypes = [...new Set(body.event_types)];
      if (body.description !== undefined) endpoint.description = body.description;
      if (body.headers !== undefined) endpoint.headers = body.headers;
      if (body.enabled === true && !wasEnabled) Object.assign(endpoint, { enabled: true, disabledReason: null, failingSince: null });
      const saved = await this.endpoints.save(endpoint, manager);
      if (body.enabled === false && wasEnabled) {
        await this.disable(manager, id, 'manual', 'disabled through the API');
        return (await this.endpoints.findForClient(clientId, id, manager)) ?? saved;
      }
      return saved;
    });
  }

  async delete(clientId: string, id: string): Promise<void> {
    if (!(await this.endpoints.delete(clientId, id))) throw ProblemException.notFound(`Webhook ${id}`);
  }

  /** A new secret; the previous one keeps signing alongside it for the overlap. */
  async rotateSecret(clientId: string, id: string, body: RotateWebhookSecretBody): Promise<{ endpoint: Endpoint; secret: string }> {
    return this.transactions.run(async (manager) => {
      const endpoint = await this.endpoints.findForClient(clientId, id, manager);
      if (!endpoint) throw ProblemException.notFound(`Webhook ${id}`);
      const secret = generateSigningSecret();
      endpoint.previousSecretSealed = body.overlap_seconds > 0 ? endpoint.secretSealed : null;
      endpoint.previousSecretExpiresAt = body.overlap_seconds > 0 ? new Date(Date.now() + body.overlap_seconds * 1_000) : null;
      endpoint.secretSealed = this.secrets.seal(secret);
      return { endpoint: await this.endpoints.save(endpoint, manager), secret };
    });
  }

  /**
   * Disables an endpoint inside the caller's transaction: its pending deliveries are dead-lettered
   * (recoverable once it is enabled again) and `ains.webhook.endpoint_disabled.v1` is published.
   * Does nothing when the endpoint is already disabled.
   */
  async disable(manager: EntityManager, id: string, reason: DisabledReason, detail: string): Promise<void> {
    const disabled = await this.endpoints.disable(manager, id, reason);
    if (!disabled) return;
    await this.deliveries.deadLetterPending(manager, id, `endpoint disabled (${reason})`);
    await this.outbox.append(manager, {
      type: 'ains.webhook.endpoint_disabled.v1',
      subject: id,
      data: { endpointId: id, clientId: disabled.clientId, reason, detail: detail.slice(0, 1_000), disabledAt: new Date().toISOString() },
    });
  }

  /** The secrets that sign a delivery now: the current one and, during a rotation overlap, the previous one. */
  signingSecrets(endpoint: Pick<Endpoint, 'secretSealed' | 'previousSecretSealed' | 'previousSecretExpiresAt'>, now = new Date()): string[] {
    const secrets = [this.secrets.open(endpoint.secretSealed)];
    if (endpoint.previousSecretSealed && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) {
      secrets.push(this.secrets.open(endpoint.previousSecretSealed));
    }
    return secrets;
  }

  private async assertDestinationAllowed(url: string): Promise<void> {
    try {
      await resolveDestination(new URL(url).hostname, this.policy);
    } catch (error) {
      if (error instanceof DestinationRefusedError) {
        throw ProblemException.unprocessable(`The destination is not allowed: ${error.message}.`, [{ field: 'url', message: error.message }]);
      }
      throw error;
    }
  }
}
