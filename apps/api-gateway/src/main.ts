import 'reflect-metadata';
import { runService } from '@ains/runtime';
import { apiGateway } from './service';

runService(apiGateway);
