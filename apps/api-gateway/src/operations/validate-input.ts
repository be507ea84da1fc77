import type { z } from 'zod';
import type { ApiOperation } from '@ains/contracts';
import { ProblemException, zodFieldErrors, type FieldError } from '@ains/platform';
import type { OperationInput } from './operation-handler';

/** Validates path parameters, query and body with the operation's schemas, naming every bad field. */
export function validateInput(operation: ApiOperation, raw: { params: unknown; query: unknown; body: unknown }): OperationInput {
  const errors: FieldError[] = [];
  const check = <T>(schema: z.ZodType | undefined, value: unknown, fallback: T): unknown => {
    if (!schema) return fallback;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    errors.push(...zodFieldErrors(result.error));
    return fallback;
  };
  const params = check(operation.params, raw.params, raw.params ?? {}) as Record<string, unknown>;
  const query = check(operation.query, raw.query ?? {}, raw.query ?? {}) as Record<string, unknown>;
  // A missing body validates as an empty object, so the problem names the required fields.
  const body = check(operation.body, raw.body ?? {}, undefined);
  if (errors.length > 0) {
    throw ProblemException.badRequest(`The request has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}.`, errors);
  }
  return { params, query, body };
}
