import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';

/** A dependency check: resolves when the dependency is usable, rejects with the reason otherwise. */
export type ReadinessCheck = () => Promise<void>;

/**
 * The dependencies a service needs before it can take traffic. Infrastructure modules
 * (database, Kafka, Redis) register themselves here; `/ready` runs every registered check.
 */
@Injectable()
export class ReadinessRegistry implements BeforeApplicationShutdown {
  private readonly checks = new Map<string, ReadinessCheck>();
  private draining = false;

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  entries(): [string, ReadinessCheck][] {
    return [...this.checks.entries()];
  }

  /** Once shutdown starts the service reports not ready, so load balancers stop sending work. */
  get isDraining(): boolean {
    return this.draining;
  }

  beforeApplicationShutdown(): void {
    this.draining = true;
  }
}
