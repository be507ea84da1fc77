import { Inject, Injectable } from '@nestjs/common';
import { ProblemException } from '@ains/platform';
import { ROUTING_SETTINGS, type RoutingSettings } from '../routing-settings';
import { STRATEGY_REGISTRY } from '../strategies/strategies.provider';
import type { StrategyRegistry } from '../strategies/strategy-registry';
import { PoliciesRepository, type RoutingPolicy } from './policies.repository';

@Injectable()
export class PoliciesService {
  constructor(
    private readonly policies: PoliciesRepository,
    @Inject(STRATEGY_REGISTRY) private readonly strategies: StrategyRegistry,
    @Inject(ROUTING_SETTINGS) private readonly settings: RoutingSettings,
  ) {}

  listStrategies(): { name: string; description: string }[] {
    return this.strategies.list().map(({ name, description }) => ({ name, description }));
  }

  get defaultStrategy(): string {
    return this.settings.defaultStrategy;
  }

  async get(clientId: string, taskType: string): Promise<RoutingPolicy> {
    const policy = await this.policies.find(clientId, taskType);
    if (!policy) throw ProblemException.notFound(`A routing policy for task type ${taskType}`);
    return policy;
  }

  put(clientId: string, taskType: string, strategy: string): Promise<RoutingPolicy> {
    if (!this.strategies.get(strategy)) {
      const known = this.strategies.list().map((s) => s.name).join(', ');
      throw ProblemException.unprocessable(`There is no routing strategy named ${strategy}.`, [{ field: 'strategy', message: `must be one of ${known}` }]);
    }
    return this.policies.upsert(clientId, taskType, strategy);
  }
}
