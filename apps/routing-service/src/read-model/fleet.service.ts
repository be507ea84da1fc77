import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CloudEvent } from '@ains/contracts';
import { FleetRepository } from './fleet.repository';

/** Keeps routing's view of the fleet current from agent-service's and trust-service's events. */
@Injectable()
export class FleetService {
  constructor(private readonly fleet: FleetRepository) {}

  async onRegistered(event: CloudEvent<'ains.agent.registered.v1'>, manager: EntityManager): Promise<void> {
    const { data } = event;
    await this.fleet.upsertAgent(manager, data, data.status, data.registeredAt);
  }

  async onUpdated(event: CloudEvent<'ains.agent.updated.v1'>, manager: EntityManager): Promise<void> {
    await this.fleet.updateProfile(manager, event.data, event.data.updatedAt);
  }

  async onStatusChanged(event: CloudEvent<'ains.agent.status_changed.v1'>, manager: EntityManager): Promise<void> {
    await this.fleet.updateStatus(manager, event.data.agentId, event.data.status, event.data.changedAt);
  }

  async onTrustChanged(event: CloudEvent<'ains.trust.score_changed.v1'>, manager: EntityManager): Promise<void> {
    await this.fleet.upsertTrust(manager, event.data.agentId, event.data.scoreBp, event.data.changedAt);
  }
}
