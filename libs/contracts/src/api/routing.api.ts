import { z } from 'zod';
import type { ApiOperation } from './api-operation';

/** Strategy names: lowercase words joined by underscores, e.g. `least_loaded`. */
export const StrategyName = z.string().min(1).max(64).regex(/^[a-z][a-z0-9_]*$/, 'must be lowercase letters, digits and _');

export const TaskTypeParam = z.strictObject({
  taskType: z.string().min(1).max(64).regex(/^[a-z0-9][a-z0-9._:-]*$/, 'must be lowercase letters, digits and . _ : -'),
});

export const RoutingStrategySchema = z.object({ name: z.string(), description: z.string() });

export const RoutingStrategiesSchema = z.object({
  data: z.array(RoutingStrategySchema),
  /** Used for tasks that name no strategy and whose task type has no policy. */
  default_strategy: z.string(),
});
export type RoutingStrategiesView = z.infer<typeof RoutingStrategiesSchema>;

export const PutRoutingPolicyBody = z.strictObject({ strategy: StrategyName });
export type PutRoutingPolicyBody = z.infer<typeof PutRoutingPolicyBody>;

export const RoutingPolicySchema = z.object({
  task_type: z.string(),
  strategy: z.string(),
  updated_at: z.iso.datetime({ offset: true }),
});
export type RoutingPolicyView = z.infer<typeof RoutingPolicySchema>;

export const RoutingQueueSchema = z.object({
  depth: z.int().min(0),
  /** Queued tasks by effective priority, "1" to "10". */
  by_priority: z.record(z.string(), z.int().min(0)),
  backpressure: z.object({ engaged: z.boolean(), limit: z.int().min(1), release_depth: z.int().min(0) }),
});
export type RoutingQueueView = z.infer<typeof RoutingQueueSchema>;

export const RoutingOperations: ApiOperation[] = [
  {
    operationId: 'listRoutingStrategies',
    method: 'GET',
    path: '/v1/routing/strategies',
    upstream: 'routing',
    scopes: ['tasks:read', 'tasks:write'],
    tag: 'Routing',
    summary: 'List the agent selection strategies',
    responses: { 200: { description: 'The strategies a task or policy may name.', schema: RoutingStrategiesSchema } },
  },
  {
    operationId: 'putRoutingPolicy',
    method: 'PUT',
    path: '/v1/routing/policies/{taskType}',
    upstream: 'routing',
    scopes: ['tasks:write'],
    tag: 'Routing',
    summary: 'Set the default strategy of a task type',
    description: 'Applies to the caller’s tasks of this type that name no strategy themselves.',
    params: TaskTypeParam,
    body: PutRoutingPolicyBody,
    responses: { 200: { description: 'The policy.', schema: RoutingPolicySchema }, 422: { description: 'Unknown strategy.' } },
  },
  {
    operationId: 'getRoutingPolicy',
    method: 'GET',
    path: '/v1/routing/policies/{taskType}',
    upstream: 'routing',
    scopes: ['tasks:read', 'tasks:write'],
    tag: 'Routing',
    summary: 'Get the default strategy of a task type',
    params: TaskTypeParam,
    responses: { 200: { description: 'The policy.', schema: RoutingPolicySchema }, 404: { description: 'No policy for this task type.' } },
  },
  {
    operationId: 'getRoutingQueue',
    method: 'GET',
    path: '/v1/routing/queue',
    upstream: 'routing',
    scopes: ['admin'],
    tag: 'Routing',
    summary: 'Dispatch queue depth and backpressure state',
    responses: { 200: { description: 'The queue across all tenants.', schema: RoutingQueueSchema } },
  },
];
