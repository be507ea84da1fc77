import './instrument';
import 'reflect-metadata';
import { runService } from '@ains/runtime';
import { routingService } from './service';

runService(routingService);
