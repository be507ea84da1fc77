import { z } from 'zod';
import { Topics } from '../topics';
import { isoTime, type EventDefinition } from './event-definition';

export const WebhookEvents = {
  'ains.webhook.endpoint_disabled.v1': {
    topic: Topics.webhook,
    schema: z.object({ endpointId: z.uuid(), clientId: z.string(), reason: z.enum(['gone', 'failing', 'manual']), detail: z.string(), disabledAt: isoTime() }),
  },
} as const satisfies Record<string, EventDefinition>;
