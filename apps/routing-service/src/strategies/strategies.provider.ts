import type { Provider } from '@nestjs/common';
import { builtInStrategies } from './strategy-registry';

export const STRATEGY_REGISTRY = Symbol('STRATEGY_REGISTRY');

export const strategyRegistryProvider: Provider = { provide: STRATEGY_REGISTRY, useFactory: builtInStrategies };
