import { z } from 'zod';
import { API_OPERATIONS, type ApiOperation } from '@ains/contracts';

/**
 * The operations as the gateway serves them. Registering an agent answers more than agent-service
 * does: the gateway adds the agent's own `agent:work` key, so its documented 201 body says so.
 */
export function documentedOperations(operations: readonly ApiOperation[] = API_OPERATIONS): ApiOperation[] {
  return operations.map((operation) => {
    const created = operation.responses[201];
    if (operation.operationId !== 'registerAgent' || !(created?.schema instanceof z.ZodObject)) return operation;
    const schema = created.schema.extend({
      api_key: z.string().describe('The agent’s own `agent:work` API key, bound to this agent. Shown only in this answer.'),
    });
    return { ...operation, responses: { ...operation.responses, 201: { description: `${created.description} With the agent’s API key, shown once.`, schema } } };
  });
}
