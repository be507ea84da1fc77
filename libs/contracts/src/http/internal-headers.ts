/** Headers the gateway sets on every request it forwards to a service. */
export const InternalHeaders = {
  requestId: 'x-request-id',
  traceparent: 'traceparent',
} as const;
