import { AgentCapability, isCapabilityVersion } from './agents.api';
import { CreateTaskBody, InstantiateTemplateBody } from './tasks.api';

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((issue) => ({ path: issue.path.join('.'), message: issue.message }));

describe('capability versions', () => {
  it.each(['3.12.1', 'v3.12.1', '2.0.0-rc.1', '1.2.3+build.5', '3.12', '3', '0'])('accepts %s', (version) => {
    expect(isCapabilityVersion(version)).toBe(true);
  });

  it.each(['three', 'latest', '3.x', '03.1', '3.12.1.4', ''])('refuses %s', (version) => {
    expect(isCapabilityVersion(version)).toBe(false);
  });

  it('names the version field of a capability that is not semver', () => {
    expect(issuesOf(AgentCapability.safeParse({ name: 'python', version: 'three' }))).toEqual([
      { path: 'version', message: 'must be a semver version such as 3.12.1 (or 3.12, 3)' },
    ]);
  });
});

describe('depends_on', () => {
  const a = '0b7c3e1e-8f2a-4c8e-9d63-3f2f8c1a0001';
  const b = '0b7c3e1e-8f2a-4c8e-9d63-3f2f8c1a0002';

  it('refuses an id given twice, naming the repeat', () => {
    const result = CreateTaskBody.safeParse({ task_type: 't', depends_on: [a, b, a] });
    expect(issuesOf(result)).toEqual([{ path: 'depends_on.2', message: `repeats ${a}, already at index 0` }]);
  });

  it('treats ids differing only in case as the same task', () => {
    expect(CreateTaskBody.safeParse({ task_type: 't', depends_on: [a, a.toUpperCase()] }).success).toBe(false);
  });

  it('applies to template overrides too, and accepts distinct ids', () => {
    expect(InstantiateTemplateBody.safeParse({ depends_on: [b, b] }).success).toBe(false);
    expect(CreateTaskBody.parse({ task_type: 't', depends_on: [a, b] }).depends_on).toEqual([a, b]);
  });
});
