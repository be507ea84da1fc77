import { createHash } from 'node:crypto';

/**
 * The `webhook-id` of an event sent to an endpoint: derived from both, so it is the same on every
 * retry and replay (receivers deduplicate on it) and a redelivered Kafka event maps to the same row.
 */
export function messageIdFor(eventId: string, endpointId: string): string {
  return `msg_${digest(eventId, endpointId).toString('base64url').slice(0, 27)}`;
}

/** The delivery row's id: a UUID (version 8, name-based) from the same pair. */
export function deliveryIdFor(eventId: string, endpointId: string): string {
  const bytes = digest('delivery', eventId, endpointId).subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function digest(...parts: string[]): Buffer {
  return createHash('sha256').update(parts.join('\n')).digest();
}
