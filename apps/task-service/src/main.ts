import './instrument';
import 'reflect-metadata';
import { runService } from '@ains/runtime';
import { taskService } from './service';

runService(taskService);
