import { failureMessage, isRetryable, NonRetryableError } from './errors';

describe('failures reported to AINS', () => {
  it('are retryable unless the error says otherwise', () => {
    expect(isRetryable(new Error('flaky network'))).toBe(true);
    expect(isRetryable('a string')).toBe(true);
    expect(isRetryable(new NonRetryableError('bad input'))).toBe(false);
    expect(isRetryable(Object.assign(new Error('quota exhausted'), { retryable: false }))).toBe(false);
    expect(isRetryable({ retryable: true })).toBe(true);
  });

  it('carry the message, named after the error class, never empty and never longer than the API accepts', () => {
    expect(failureMessage(new Error('model unavailable'))).toBe('model unavailable');
    expect(failureMessage(new NonRetryableError('no text'))).toBe('NonRetryableError: no text');
    expect(failureMessage(new Error(''))).toBe('The handler failed without a message');
    expect(failureMessage(42)).toBe('42');
    const long = failureMessage(new Error('x'.repeat(5_000)));
    expect(long).toHaveLength(2_000);
    expect(long.endsWith('…')).toBe(true);
  });

  it('replace text PostgreSQL cannot store, so the failure itself is never refused', () => {
    expect(failureMessage(new Error('a\u0000b \uD800 c \uD83D\uDE00'))).toBe('a\uFFFDb \uFFFD c \uD83D\uDE00');
  });
});
