import { randomUUID } from 'node:crypto';
import { ALL_TOPICS, DEAD_LETTER_TOPIC } from '../topics';
import { EventCatalog, isEventType } from './catalog';

describe('event catalog', () => {
  it('names every event ains.<aggregate>.<verb>.v<n> and routes it to its aggregate topic', () => {
    for (const [type, definition] of Object.entries(EventCatalog)) {
      const match = /^ains\.([a-z]+)\.[a-z_]+\.v\d+$/.exec(type);
      expect(match).not.toBeNull();
      expect(definition.topic).toBe(`ains.${match?.[1]}.v1`);
    }
  });

  it('lists the dead-letter topic with the aggregate topics', () => {
    expect(ALL_TOPICS).toContain(DEAD_LETTER_TOPIC);
    expect(new Set(ALL_TOPICS).size).toBe(ALL_TOPICS.length);
  });

  it('validates payloads against the schema of their type', () => {
    const schema = EventCatalog['ains.trust.score_changed.v1'].schema;
    const valid = { agentId: randomUUID(), scoreBp: 5_000, previousScoreBp: null, tier: 'average', reason: 'initial', taskId: null, changedAt: new Date().toISOString() };
    expect(schema.safeParse(valid).success).toBe(true);
    expect(schema.safeParse({ ...valid, scoreBp: 10_001 }).success).toBe(false);
    expect(isEventType('ains.trust.score_changed.v1')).toBe(true);
    expect(isEventType('ains.unknown.thing.v1')).toBe(false);
  });
});
