import { EventCatalog, WEBHOOK_EVENT_TYPES, isWebhookEventFilter } from '@ains/contracts';
import { matchesEventFilters } from './event-filter';

describe('event filters', () => {
  it('matches exact names', () => {
    expect(matchesEventFilters('ains.task.completed.v1', ['ains.task.completed.v1'])).toBe(true);
    expect(matchesEventFilters('ains.task.failed.v1', ['ains.task.completed.v1'])).toBe(false);
  });

  it('matches aggregate wildcards without leaking into other aggregates', () => {
    expect(matchesEventFilters('ains.task.failed.v1', ['ains.task.*'])).toBe(true);
    expect(matchesEventFilters('ains.chain.completed.v1', ['ains.task.*'])).toBe(false);
    expect(matchesEventFilters('ains.taskforce.created.v1', ['ains.task.*'])).toBe(false);
  });

  it('matches everything with *', () => {
    expect(matchesEventFilters('ains.schedule.fired.v1', ['*'])).toBe(true);
  });

  it('accepts only filters that can match a deliverable event', () => {
    expect(isWebhookEventFilter('ains.task.*')).toBe(true);
    expect(isWebhookEventFilter('ains.task.completed.v1')).toBe(true);
    expect(isWebhookEventFilter('ains.agent.*')).toBe(false);
    expect(isWebhookEventFilter('ains.trust.score_changed.v1')).toBe(false);
    expect(isWebhookEventFilter('ains.*')).toBe(false);
    expect(isWebhookEventFilter('ains.task.nope.v1')).toBe(false);
  });

  it('delivers only events that name their client, so tenant routing is always possible', () => {
    expect(WEBHOOK_EVENT_TYPES.length).toBeGreaterThan(10);
    for (const type of WEBHOOK_EVENT_TYPES) {
      const schema = EventCatalog[type as keyof typeof EventCatalog].schema as unknown as { shape: Record<string, unknown> };
      expect(Object.keys(schema.shape)).toContain('clientId');
    }
  });
});
