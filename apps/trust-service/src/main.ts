import './instrument';
import 'reflect-metadata';
import { runService } from '@ains/runtime';
import { trustService } from './service';

runService(trustService);
