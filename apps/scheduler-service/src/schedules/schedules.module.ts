import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RunOutcomesService } from './run-outcomes.service';
import { Schedule } from './schedule.entity';
import { ScheduleFiringLoop } from './schedule-firing.loop';
import { ScheduleFiringService } from './schedule-firing.service';
import { ScheduleRun } from './schedule-run.entity';
import { CLOCK, SCHEDULER_SETTINGS, systemClock, type Clock, type SchedulerSettings } from './scheduler.settings';
import { SchedulesController } from './schedules.controller';
import { SchedulesRepository } from './schedules.repository';
import { SchedulesService } from './schedules.service';
import { TaskEventsConsumer } from './task-events.consumer';

@Module({})
export class SchedulesModule {
  static register(settings: SchedulerSettings, clock: Clock = systemClock): DynamicModule {
    return {
      module: SchedulesModule,
      imports: [TypeOrmModule.forFeature([Schedule, ScheduleRun])],
      controllers: [SchedulesController],
      providers: [
        TaskEventsConsumer,
        { provide: SCHEDULER_SETTINGS, useValue: settings },
        { provide: CLOCK, useValue: clock },
        SchedulesRepository,
        SchedulesService,
        ScheduleFiringService,
        ScheduleFiringLoop,
        RunOutcomesService,
      ],
    };
  }
}
