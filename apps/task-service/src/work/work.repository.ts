import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AttemptRow } from '../tasks/task.row';

/** Reads of the work protocol beyond the task row itself. */
@Injectable()
export class WorkRepository {
  /** The agent's latest attempt at the task, if it ever had one. */
  async latestAttemptOf(manager: EntityManager, taskId: string, agentId: string): Promise<AttemptRow | undefined> {
    const [row] = (await manager.query('SELECT * FROM task.task_attempts WHERE task_id = $1 AND agent_id = $2 ORDER BY attempt DESC LIMIT 1', [taskId, agentId])) as AttemptRow[];
    return row;
  }
}
