import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** A service bundle loaded into the single-process launcher, ready to start with its own settings. */
export interface StandaloneService {
  name: string;
  start(env: Record<string, string | undefined>): Promise<NestFastifyApplication>;
}

export interface StandaloneRegistry {
  services: StandaloneService[];
}

const REGISTRY = Symbol.for('ains.runtime.standalone-registry');

/**
 * The single-process launcher installs a registry on globalThis before it loads the service
 * bundles; each bundle's entry point then registers itself there instead of starting, and the
 * launcher starts them all with per-service settings in one process.
 */
export function standaloneRegistry(): StandaloneRegistry | undefined {
  return (globalThis as typeof globalThis & { [REGISTRY]?: StandaloneRegistry })[REGISTRY];
}
