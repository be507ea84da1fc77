import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ConfigValidationError, loadConfig } from '@ains/platform';
import { WebhookConfig } from './webhook-settings';

const schema = z.object(WebhookConfig);

describe('webhook settings', () => {
  it('defaults to the documented schedule and a closed destination policy', () => {
    const settings = loadConfig(schema, {});
    expect(settings.WEBHOOK_RETRY_SCHEDULE).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
    expect(settings).toMatchObject({ WEBHOOK_ALLOW_PRIVATE_DESTINATIONS: false, WEBHOOK_ALLOWED_CIDRS: [], WEBHOOK_DISABLE_AFTER: 432_000_000 });
    expect(settings.WEBHOOK_SECRET_KEY).toBeUndefined();
  });

  it('parses the test settings', () => {
    const key = randomBytes(32).toString('base64');
    const settings = loadConfig(schema, { WEBHOOK_RETRY_SCHEDULE: '20ms,20ms', WEBHOOK_ALLOWED_CIDRS: '127.0.0.1/32, ::1/128', WEBHOOK_SECRET_KEY: key, WEBHOOK_DISABLE_AFTER: '1h' });
    expect(settings).toMatchObject({ WEBHOOK_RETRY_SCHEDULE: [20, 20], WEBHOOK_ALLOWED_CIDRS: ['127.0.0.1/32', '::1/128'], WEBHOOK_SECRET_KEY: key, WEBHOOK_DISABLE_AFTER: 3_600_000 });
  });

  it('names every malformed setting at boot', () => {
    const bad = { WEBHOOK_RETRY_SCHEDULE: '5s,later', WEBHOOK_ALLOWED_CIDRS: '10.0.0.0/33', WEBHOOK_SECRET_KEY: 'c2hvcnQ=', WEBHOOK_DISABLE_AFTER: 'forever' };
    const error = (() => {
      try {
        loadConfig(schema, bad);
        return undefined;
      } catch (thrown) {
        return thrown as ConfigValidationError;
      }
    })();
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect(error?.issues.map((issue) => issue.split(':')[0]).sort()).toEqual(['WEBHOOK_ALLOWED_CIDRS', 'WEBHOOK_DISABLE_AFTER', 'WEBHOOK_RETRY_SCHEDULE', 'WEBHOOK_SECRET_KEY']);
  });
});
