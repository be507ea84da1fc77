import './instrument';
import 'reflect-metadata';
import { runService } from '@ains/runtime';
import { agentService } from './service';

runService(agentService);
