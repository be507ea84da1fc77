import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { TaskStatus } from '@ains/contracts';
import type { BucketCount, StatsWindow } from './task-stats';

const FAILED_FOR_GOOD = `('failed', 'timed_out', 'dead_lettered')`;

/**
 * The statistics' SQL. `clientId` null reads every client's tasks (admin). Each query walks an
 * index: states through (client_id, status) or (status, …), each count stopping at `limit` rows;
 * the queue through the covering index of queued rows alone (bounded by routing's backpressure);
 * the hour through creation and finish time, from the window's start on.
 */
@Injectable()
export class StatsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async countByStatus(clientId: string | null, statuses: readonly TaskStatus[], limit: number): Promise<{ status: TaskStatus; count: number }[]> {
    return this.dataSource.query(
      `SELECT s.status, (SELECT count(*) FROM (SELECT 1 FROM task.tasks t WHERE t.status = s.status ${clientId === null ? '' : 'AND t.client_id = $3'} LIMIT $2) AS capped)::int AS count
       FROM unnest($1::text[]) AS s(status)`,
      clientId === null ? [statuses, limit] : [statuses, limit, clientId],
    );
  }

  async queuedByPriority(clientId: string | null): Promise<{ priority: number; count: number; oldest: Date }[]> {
    return this.dataSource.query(
      `SELECT effective_priority AS priority, count(*)::int AS count, min(coalesce(queued_at, created_at)) AS oldest
       FROM task.tasks WHERE status = 'queued' ${clientId === null ? '' : 'AND client_id = $1'} GROUP BY effective_priority`,
      clientId === null ? [] : [clientId],
    );
  }

  async lastHour(clientId: string | null, window: StatsWindow): Promise<BucketCount[]> {
    const client = clientId === null ? '' : 'AND client_id = $3';
    return this.dataSource.query(
      `SELECT bucket, sum(created)::int AS created, sum(completed)::int AS completed, sum(failed)::int AS failed FROM (
         SELECT floor(extract(epoch FROM created_at - $1::timestamptz) * 1000 / $2)::int AS bucket, 1 AS created, 0 AS completed, 0 AS failed
         FROM task.tasks WHERE created_at >= $1 ${client}
         UNION ALL
         SELECT floor(extract(epoch FROM finished_at - $1::timestamptz) * 1000 / $2)::int, 0, (status = 'completed')::int, (status IN ${FAILED_FOR_GOOD})::int
         FROM task.tasks WHERE finished_at >= $1 AND status IN ('completed', ${FAILED_FOR_GOOD.slice(1, -1)}) ${client}
       ) AS events GROUP BY bucket`,
      clientId === null ? [window.from, window.bucketMs] : [window.from, window.bucketMs, clientId],
    );
  }
}
