export * from './trace-context';
export { activeTraceparent, withConsumerSpan, startProducerSpan, shutdownTelemetry, type ProducerSpan } from './telemetry';
