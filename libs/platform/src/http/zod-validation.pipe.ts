import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { ProblemException, type FieldError } from './problem';

/**
 * Validates a request body or query with a schema from `@ains/contracts`, the same schema the
 * gateway validates with and documents; unknown fields are errors when the schema is strict.
 */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    const errors = zodFieldErrors(result.error);
    throw ProblemException.badRequest(`The request has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}.`, errors);
  }
}

export function zodFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const base = formatPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: base ? `${base}.${key}` : key, message: 'is not a known field' }));
    }
    if (issue.code === 'invalid_key') {
      // A record key that failed its own schema: say why, as the key's schema does, not "Invalid key".
      return [{ field: base || '(body)', message: `is not an accepted field name: ${issue.issues.map((inner) => inner.message).join('; ')}` }];
    }
    return [{ field: base || '(body)', message: issue.message }];
  });
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((joined, part) => {
    if (typeof part === 'number') return `${joined}[${part}]`;
    return joined ? `${joined}.${String(part)}` : String(part);
  }, '');
}
