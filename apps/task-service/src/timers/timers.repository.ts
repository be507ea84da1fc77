import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

@Injectable()
export class TimersRepository {
  /** Moves every lease of a held task that ends sooner than `leaseMs` from now to then; returns how many moved. */
  async extendLeasesToAtLeast(manager: EntityManager, leaseMs: number): Promise<number> {
    const [, moved] = (await manager.query(
      `UPDATE task.tasks SET lease_expires_at = now() + make_interval(secs => $1::double precision / 1000)
        WHERE status IN ('assigned', 'running') AND lease_expires_at < now() + make_interval(secs => $1::double precision / 1000)`,
      [leaseMs],
    )) as [unknown, number];
    return moved;
  }
}
