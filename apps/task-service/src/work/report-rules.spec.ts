import { applicationOrder, isUnstorableContent, wasAlreadyApplied } from './report-rules';

describe('wasAlreadyApplied', () => {
  const agent = 'agent-a';
  const running = { status: 'running' as const, assigned_agent_id: agent, attempt: 2 };

  it('a start is applied when the agent runs this very attempt', () => {
    expect(wasAlreadyApplied('start', running, agent, { attempt: 2, outcome: null })).toBe(true);
    expect(wasAlreadyApplied('start', { ...running, status: 'assigned' }, agent, { attempt: 2, outcome: null })).toBe(false);
    expect(wasAlreadyApplied('start', running, agent, { attempt: 1, outcome: 'timed_out' })).toBe(false);
    expect(wasAlreadyApplied('start', { ...running, assigned_agent_id: 'agent-b' }, agent, { attempt: 2, outcome: null })).toBe(false);
  });

  it('a complete or fail is applied when the agent’s latest attempt ended that way', () => {
    const done = { status: 'completed' as const, assigned_agent_id: agent, attempt: 2 };
    expect(wasAlreadyApplied('complete', done, agent, { attempt: 2, outcome: 'completed' })).toBe(true);
    expect(wasAlreadyApplied('fail', done, agent, { attempt: 2, outcome: 'completed' })).toBe(false);
    expect(wasAlreadyApplied('fail', { ...done, status: 'queued' }, agent, { attempt: 2, outcome: 'failed' })).toBe(true);
    expect(wasAlreadyApplied('complete', { ...done, status: 'timed_out' }, agent, { attempt: 2, outcome: 'timed_out' })).toBe(false);
  });

  it('progress never counts as applied, and nothing does without an attempt of the agent', () => {
    expect(wasAlreadyApplied('progress', running, agent, { attempt: 2, outcome: null })).toBe(false);
    expect(wasAlreadyApplied('complete', running, agent, undefined)).toBe(false);
  });
});

describe('applicationOrder', () => {
  it('sorts by task id and keeps the request order of reports on one task', () => {
    const reports = [
      { index: 0, report: { task_id: 'b' } },
      { index: 1, report: { task_id: 'a' } },
      { index: 2, report: { task_id: 'b' } },
      { index: 3, report: { task_id: 'a' } },
    ];
    expect(applicationOrder(reports).map((item) => item.index)).toEqual([1, 3, 0, 2]);
  });
});

describe('isUnstorableContent', () => {
  it('recognises the PostgreSQL errors of content it cannot store', () => {
    expect(isUnstorableContent({ code: '22P05' })).toBe(true);
    expect(isUnstorableContent({ code: '40001' })).toBe(false);
    expect(isUnstorableContent(new Error('boom'))).toBe(false);
  });
});
