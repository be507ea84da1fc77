import './instrument';
import 'reflect-metadata';
import { runService } from '@ains/runtime';
import { runGatewayCommand } from './commands';
import { apiGateway } from './service';

// `bootstrap-admin` and `openapi` are the gateway's own commands; `serve` and `migrate` are the runtime's.
if (!runGatewayCommand(process.argv.slice(2))) runService(apiGateway);
