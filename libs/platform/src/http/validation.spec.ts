import { Type } from 'class-transformer';
import { IsInt, IsString, ValidateNested } from 'class-validator';
import { ProblemException } from './problem';
import { createValidationPipe } from './validation';

class Capability {
  @IsString()
  name!: string;
}

class Body {
  @IsInt()
  count!: number;

  @ValidateNested({ each: true })
  @Type(() => Capability)
  capabilities!: Capability[];
}

describe('validation pipe', () => {
  const pipe = createValidationPipe();
  const validate = (value: unknown) => pipe.transform(value, { type: 'body', metatype: Body });

  it('names each invalid field, including nested array items and unknown fields', async () => {
    const error = await validate({ count: 'x', capabilities: [{ name: 'ok' }, { name: 3 }], extra: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProblemException);
    const { status, errors } = (error as ProblemException).problem;
    expect(status).toBe(400);
    expect(errors?.map((e) => e.field).sort()).toEqual(['capabilities[1].name', 'count', 'extra']);
  });

  it('passes a valid body through as an instance of the DTO', async () => {
    const result = await validate({ count: 2, capabilities: [{ name: 'python' }] });
    expect(result).toBeInstanceOf(Body);
  });
});
