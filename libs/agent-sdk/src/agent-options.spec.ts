import { resolveAgentOptions } from './agent-options';
import { silentLogger } from './logger';

describe('resolveAgentOptions', () => {
  it('applies the defaults', () => {
    expect(resolveAgentOptions({ url: 'http://127.0.0.1:8080', apiKey: 'key', agentId: 'agent' })).toMatchObject({ heartbeatIntervalMs: 15_000, claimWaitMs: 5_000, reportLingerMs: 20, maxReportBatchSize: 100, claimLingerMs: 25, drainTimeoutMs: 60_000, handleSignals: true, logger: silentLogger });
  });

  it('names every problem at once', () => {
    expect(() => resolveAgentOptions({ url: '', apiKey: '', concurrency: 0, claimWaitMs: 60_000 })).toThrow(
      'Invalid AinsAgent options: `url` is required; `apiKey` is required; give `agentId` (with its agent key) or `registration` (with a key that may register agents); `concurrency` must be a positive integer; `claimWaitMs` must be an integer from 0 to 30000',
    );
    expect(() => resolveAgentOptions({ url: 'http://x', apiKey: 'key', agentId: 'agent', reportLingerMs: -1, maxReportBatchSize: 501, drainTimeoutMs: 0 })).toThrow(
      '`reportLingerMs` must be an integer from 0 to 1000; `maxReportBatchSize` must be an integer from 1 to 500; `drainTimeoutMs` must be a positive integer',
    );
    expect(() => resolveAgentOptions({ url: 'http://x', apiKey: 'key', agentId: 'agent', registration: { display_name: 'a' } })).toThrow('give `agentId` or `registration`, not both');
  });

  it('takes keyRotationApiKey only with signingKey', () => {
    expect(() => resolveAgentOptions({ url: 'http://x', apiKey: 'key', agentId: 'agent', keyRotationApiKey: 'owner' })).toThrow('`keyRotationApiKey` is only used with `signingKey`');
  });
});
