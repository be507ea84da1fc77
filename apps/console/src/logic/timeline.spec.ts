import { routingReason, taskTimeline, type TimelineTask } from './timeline';

const task = (overrides: Partial<TimelineTask> = {}): TimelineTask => ({
  status: 'completed',
  status_reason: null,
  created_at: '2026-01-01T00:00:00.000Z',
  queued_at: '2026-01-01T00:00:00.100Z',
  finished_at: '2026-01-01T00:00:05.000Z',
  attempts: [],
  ...overrides,
});

describe('taskTimeline', () => {
  it('tells a retried task in order: each attempt, its agent, why it went there, how it ended', () => {
    const timeline = taskTimeline(
      task({
        queued_at: '2026-01-01T00:00:02.500Z',
        attempts: [
          { attempt: 1, agent_id: 'a1', assigned_at: '2026-01-01T00:00:00.200Z', started_at: '2026-01-01T00:00:00.300Z', ended_at: '2026-01-01T00:00:02.000Z', outcome: 'failed', error: 'boom', routing: { strategy: 'least_loaded', candidate_count: 3, candidates: [] } },
          { attempt: 2, agent_id: 'a2', assigned_at: '2026-01-01T00:00:03.000Z', started_at: null, ended_at: '2026-01-01T00:00:04.000Z', outcome: 'completed', error: null, routing: { strategy: 'trust_weighted', candidate_count: 1, candidates: [] } },
        ],
      }),
    );
    expect(timeline.map((entry) => entry.title)).toEqual([
      'created',
      'attempt 1: assigned',
      'attempt 1: started',
      'attempt 1: failed',
      'queued',
      'attempt 2: assigned',
      'attempt 2: completed',
      'completed',
    ]);
    expect(timeline[1]).toMatchObject({ agentId: 'a1', detail: 'strategy least_loaded, chosen among 3 capable agents' });
    expect(timeline[3]).toMatchObject({ tone: 'bad', detail: 'boom' });
    expect(timeline[7]).toMatchObject({ tone: 'good' });
  });

  it('leaves out what has not happened yet', () => {
    expect(taskTimeline(task({ status: 'queued', finished_at: null })).map((entry) => entry.title)).toEqual(['created', 'queued']);
  });
});

describe('routingReason', () => {
  it('says nothing when routing recorded nothing', () => {
    expect(routingReason(null)).toBeNull();
    expect(routingReason({ strategy: 'round_robin', candidate_count: 1, candidates: [] })).toBe('strategy round_robin, chosen among 1 capable agent');
  });
});
