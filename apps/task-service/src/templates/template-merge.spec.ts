import { ChainStepInput, InstantiateTemplateBody } from '@ains/contracts';
import { ProblemException } from '@ains/platform';
import { specFromTemplate } from './template-merge';

describe('template merge', () => {
  const defaults = { priority: 3, input: { language: 'en', depth: 1 }, labels: { team: 'search' } };

  it('merges input key by key and replaces other fields', () => {
    const spec = specFromTemplate('summarise', defaults, { priority: 8, input: { depth: 2 }, labels: { team: 'ads' } });
    expect(spec).toMatchObject({ task_type: 'summarise', priority: 8, input: { language: 'en', depth: 2 }, labels: { team: 'ads' }, timeout_seconds: 300 });
  });

  it('keeps the defaults without overrides', () => {
    expect(specFromTemplate('summarise', defaults, {})).toMatchObject({ priority: 3, input: { language: 'en', depth: 1 } });
  });

  it('keeps the template’s values for fields a parsed request leaves out', () => {
    const { depends_on: dependsOn, ...overrides } = InstantiateTemplateBody.parse({ input: { depth: 2 } });
    expect(dependsOn).toEqual([]);
    expect(specFromTemplate('summarise', { ...defaults, timeout_seconds: 60 }, overrides)).toMatchObject({ priority: 3, timeout_seconds: 60, input: { language: 'en', depth: 2 } });
    const step = ChainStepInput.parse({ template_id: '6f1c3d7e-2a5b-4c8d-9e0f-1a2b3c4d5e6f' });
    expect(step).not.toHaveProperty('priority');
    expect(step).not.toHaveProperty('timeout_seconds');
  });

  it('refuses a merge that is not a valid task', () => {
    expect(() => specFromTemplate('summarise', { ...defaults, priority: 11 }, {})).toThrow(ProblemException);
  });
});
