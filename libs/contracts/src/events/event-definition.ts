import { z } from 'zod';
import type { Topic } from '../topics';

export interface EventDefinition {
  readonly topic: Topic;
  readonly schema: z.ZodType;
}

export const isoTime = () => z.iso.datetime({ offset: true });
