import './instrument';
import 'reflect-metadata';
import { runService } from '@ains/runtime';
import { webhookService } from './service';

runService(webhookService);
