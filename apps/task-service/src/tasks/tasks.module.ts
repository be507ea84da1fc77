import { Module } from '@nestjs/common';
import { ChainProgression } from '../chains/chain-progression.service';
import { ChainsController } from '../chains/chains.controller';
import { ChainsRepository } from '../chains/chains.repository';
import { ChainsService } from '../chains/chains.service';
import { Backpressure } from '../events/backpressure.service';
import { EventReactions } from '../events/event-reactions.service';
import { EventsConsumer } from '../events/events.consumer';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { AgentKeysRepository } from '../signatures/agent-keys.repository';
import { ReportSignatures } from '../signatures/report-signatures';
import { StatsController } from '../stats/stats.controller';
import { StatsRepository } from '../stats/stats.repository';
import { StatsService } from '../stats/stats.service';
import { TemplatesController } from '../templates/templates.controller';
import { TemplatesRepository } from '../templates/templates.repository';
import { TemplatesService } from '../templates/templates.service';
import { TaskTimers } from '../timers/task-timers.service';
import { TimersRepository } from '../timers/timers.repository';
import { AssignmentSignals } from '../work/assignment-signals';
import { AssignmentStreams } from '../work/assignment-streams.service';
import { ReportBatchService } from '../work/report-batch.service';
import { WorkController } from '../work/work.controller';
import { WorkService } from '../work/work.service';
import { WorkRepository } from '../work/work.repository';
import { TaskCreation } from './task-creation.service';
import { TaskLifecycle } from './task-lifecycle.service';
import { TaskQueue } from './task-queue.service';
import { TasksController } from './tasks.controller';
import { TasksRepository } from './tasks.repository';
import { TasksService } from './tasks.service';

/**
 * One module: tasks, templates, chains and the work protocol share the task table and its
 * lifecycle in the same transactions, so splitting them would only add wiring.
 */
@Module({
  controllers: [StatsController, TasksController, TemplatesController, ChainsController, WorkController],
  providers: [
    EventsConsumer,
    TasksRepository,
    TemplatesRepository,
    ChainsRepository,
    TaskQueue,
    TaskCreation,
    ChainProgression,
    TaskLifecycle,
    TasksService,
    TemplatesService,
    ChainsService,
    WorkService,
    WorkRepository,
    ReportBatchService,
    ReportSignatures,
    AgentKeysRepository,
    AssignmentSignals,
    AssignmentStreams,
    IdempotencyService,
    Backpressure,
    EventReactions,
    TaskTimers,
    TimersRepository,
    StatsRepository,
    StatsService,
  ],
})
export class TasksModule {}
