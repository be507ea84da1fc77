import type { CloudEvent } from '@ains/contracts';
import { RequestContextStore, activeTraceparent, childTraceparent, withConsumerSpan } from '@ains/platform';

/**
 * Runs the handling of one event in a consumer span that continues the event's trace, with the
 * event id as the request id of its log lines, so events written meanwhile carry the trace on.
 */
export function inEventContext<T>(event: CloudEvent, work: () => Promise<T>): Promise<T> {
  return withConsumerSpan(`consume ${event.type}`, event.traceparent, () => {
    const traceparent = activeTraceparent() ?? (event.traceparent ? childTraceparent(event.traceparent) : undefined);
    return RequestContextStore.run({ requestId: event.id, traceparent }, work);
  });
}

/**
 * The traceparent for what is written because of `event` when it is handled as part of a batch,
 * outside its own consumer span: a child of the event's trace, so the trace still continues.
 */
export function traceOf(event: CloudEvent): string | undefined {
  return event.traceparent ? childTraceparent(event.traceparent) : undefined;
}
