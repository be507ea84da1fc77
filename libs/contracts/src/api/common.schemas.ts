import { z } from 'zod';

/** Path parameter `{id}` (or any other name) holding a UUID. */
export const uuidParam = (name = 'id') => z.strictObject({ [name]: z.uuid() });

/** Cursor pagination: opaque `cursor` from the previous page's `next_cursor`, page size `limit`. */
export const PageQuery = z.strictObject({
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item),
    next_cursor: z.string().nullable(),
  });

/** RFC 9457 problem details, as every error response carries. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  request_id: z.string().optional(),
});

/**
 * A list of task ids in which each id appears once: a repeated id is refused (naming its position)
 * rather than silently dropped, so what the client sent is what is stored.
 */
export const uniqueTaskIds = (max: number) =>
  z
    .array(z.uuid())
    .max(max)
    .superRefine((ids, context) => {
      const seen = new Map<string, number>();
      ids.forEach((id, index) => {
        const first = seen.get(id.toLowerCase());
        if (first === undefined) seen.set(id.toLowerCase(), index);
        else context.addIssue({ code: 'custom', path: [index], message: `repeats ${id}, already at index ${first}` });
      });
    })
    .meta({ uniqueItems: true });

/** A JSON object of bounded size, for free-form inputs, results and metadata. */
export const jsonObject = (maxBytes: number) =>
  z.record(z.string(), z.unknown()).refine((value) => Buffer.byteLength(JSON.stringify(value)) <= maxBytes, {
    message: `must be at most ${maxBytes} bytes of JSON`,
  });
