import { FastestResponseStrategy } from './fastest-response.strategy';
import { LeastLoadedStrategy } from './least-loaded.strategy';
import { RoundRobinStrategy } from './round-robin.strategy';
import type { RoutingStrategy } from './routing-strategy';
import { TrustWeightedStrategy } from './trust-weighted.strategy';

/** The strategies a task or a task type's policy may name, by name. */
export class StrategyRegistry {
  private readonly byName = new Map<string, RoutingStrategy>();

  constructor(strategies: readonly RoutingStrategy[]) {
    for (const strategy of strategies) {
      if (this.byName.has(strategy.name)) throw new Error(`Two routing strategies are named ${strategy.name}`);
      this.byName.set(strategy.name, strategy);
    }
  }

  get(name: string): RoutingStrategy | undefined {
    return this.byName.get(name);
  }

  list(): RoutingStrategy[] {
    return [...this.byName.values()];
  }
}

/** Adding a strategy: write its class, then add one line here. */
export function builtInStrategies(): StrategyRegistry {
  return new StrategyRegistry([
    new RoundRobinStrategy(),
    new LeastLoadedStrategy(),
    new TrustWeightedStrategy(),
    new FastestResponseStrategy(),
  ]);
}
