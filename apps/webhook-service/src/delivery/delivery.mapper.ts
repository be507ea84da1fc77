import type { DeliveryDetailView, DeliveryView } from '@ains/contracts';
import type { DeliveryAttempt } from './delivery-attempt.entity';
import type { Delivery } from './delivery.entity';

export function toDeliveryView(delivery: Delivery): DeliveryView {
  return {
    id: delivery.id,
    webhook_id: delivery.endpointId,
    message_id: delivery.messageId,
    event_id: delivery.eventId,
    event_type: delivery.eventType,
    status: delivery.status,
    attempts: delivery.attempts,
    next_attempt_at: delivery.nextAttemptAt?.toISOString() ?? null,
    last_error: delivery.lastError,
    created_at: delivery.createdAt.toISOString(),
    updated_at: delivery.updatedAt.toISOString(),
  };
}

export function toDeliveryDetailView(delivery: Delivery, attempts: DeliveryAttempt[]): DeliveryDetailView {
  return {
    ...toDeliveryView(delivery),
    attempts_log: attempts.map((attempt) => ({
      attempt: attempt.attempt,
      attempted_at: attempt.attemptedAt.toISOString(),
      status_code: attempt.statusCode,
      latency_ms: attempt.latencyMs,
      response_body: attempt.responseBody,
      error: attempt.error,
    })),
  };
}
