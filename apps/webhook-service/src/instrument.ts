// Loaded before anything else, so tracing can instrument the libraries the service loads next.
import { startTelemetry } from '@ains/platform/telemetry';

startTelemetry('webhook-service');
