export * from './topics';
export * from './events/catalog';
export * from './events/cloud-event';
export * from './events/agent.events';
export * from './events/trust.events';
export * from './http/agent.dto';
export * from './http/internal-headers';
