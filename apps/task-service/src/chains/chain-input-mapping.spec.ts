import { buildStepInput } from './chain-input-mapping';

describe('chain input mapping', () => {
  it('writes earlier results into the step input at dotted targets', () => {
    const input = buildStepInput(
      { language: 'en', options: { depth: 1 } },
      [
        { target: 'text', source: 'steps.0.result.summary' },
        { target: 'options.keywords', source: 'steps.1.result.keywords' },
        { target: 'everything', source: 'steps.0.result' },
      ],
      [{ summary: 'short' }, { keywords: ['a', 'b'] }],
    );
    expect(input).toEqual({ language: 'en', text: 'short', options: { depth: 1, keywords: ['a', 'b'] }, everything: { summary: 'short' } });
  });

  it('maps a missing result or path to null', () => {
    const input = buildStepInput({}, [{ target: 'a', source: 'steps.0.result.x' }, { target: 'b', source: 'steps.1.result.missing' }], [null, { other: 1 }]);
    expect(input).toEqual({ a: null, b: null });
  });

  it('does not share objects with the results or the static input', () => {
    const staticInput = { nested: { keep: true } };
    const results = [{ list: [1] }];
    const input = buildStepInput(staticInput, [{ target: 'nested.list', source: 'steps.0.result.list' }], results);
    (input.nested as { list: number[] }).list.push(2);
    expect(results[0].list).toEqual([1]);
    expect(staticInput.nested).toEqual({ keep: true });
  });

  it('ignores inherited properties of results', () => {
    expect(buildStepInput({}, [{ target: 'a', source: 'steps.0.result.constructor' }], [{}])).toEqual({ a: null });
  });
});
