import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { Agent } from './agent.entity';

@Injectable()
export class AgentsRepository {
  constructor(@InjectRepository(Agent) private readonly agents: Repository<Agent>) {}

  /** Inserts within the caller's transaction; the returned entity carries the database defaults. */
  insert(manager: EntityManager, agent: Agent): Promise<Agent> {
    return manager.getRepository(Agent).save(agent);
  }

  findById(id: string): Promise<Agent | null> {
    return this.agents.findOneBy({ id });
  }

  list(limit: number): Promise<Agent[]> {
    return this.agents.find({ order: { registeredAt: 'DESC', id: 'DESC' }, take: limit });
  }
}
