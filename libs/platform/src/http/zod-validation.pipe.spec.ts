import { z } from 'zod';
import { type ProblemException } from './problem';
import { ZodValidationPipe } from './zod-validation.pipe';

const schema = z.strictObject({
  display_name: z.string().min(1),
  capabilities: z.array(z.strictObject({ name: z.string(), version: z.string() })).optional(),
});

describe('ZodValidationPipe', () => {
  const pipe = new ZodValidationPipe(schema);

  it('returns the parsed value', () => {
    expect(pipe.transform({ display_name: 'a' })).toEqual({ display_name: 'a' });
  });

  it('names nested fields and each unknown field', () => {
    let problem: ProblemException | undefined;
    try {
      pipe.transform({ display_name: '', capabilities: [{ name: 'py', version: 3 }], is_admin: true });
    } catch (error) {
      problem = error as ProblemException;
    }
    expect(problem?.problem.status).toBe(400);
    expect(problem?.problem.errors?.map((e) => e.field).sort()).toEqual(['capabilities[0].version', 'display_name', 'is_admin']);
  });

  it('says why a record key was refused', () => {
    const headers = new ZodValidationPipe(z.strictObject({ headers: z.record(z.string().refine((name) => name !== 'host', { message: 'is reserved' }), z.string()) }));
    let problem: ProblemException | undefined;
    try {
      headers.transform({ headers: { host: 'x' } });
    } catch (error) {
      problem = error as ProblemException;
    }
    expect(problem?.problem.errors).toEqual([{ field: 'headers.host', message: 'is not an accepted field name: is reserved' }]);
  });
});
