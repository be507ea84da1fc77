import './instrument';
import 'reflect-metadata';
import { runService } from '@ains/runtime';
import { schedulerService } from './service';

runService(schedulerService);
