import { Webhook } from 'standardwebhooks';
import { generateSigningSecret, signPayload, standardWebhookHeaders } from './signing';

describe('Standard Webhooks signing', () => {
  const body = JSON.stringify({ specversion: '1.0', id: 'e1', type: 'ains.task.completed.v1', data: { taskId: 't' } });
  const now = Math.floor(Date.now() / 1_000);

  it('generates whsec_ secrets of 32 random bytes', () => {
    const secret = generateSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(generateSigningSecret()).not.toBe(secret);
  });

  it('produces the signature the official library computes', () => {
    const secret = generateSigningSecret();
    expect(signPayload(secret, 'msg_1', now, body)).toBe(new Webhook(secret).sign('msg_1', new Date(now * 1_000), body));
  });

  it('is accepted by the official verifier, with either secret during a rotation', () => {
    const previous = generateSigningSecret();
    const current = generateSigningSecret();
    const headers = standardWebhookHeaders([current, previous], 'msg_2', now, body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(current).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(previous).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(generateSigningSecret()).verify(body, headers)).toThrow();
  });

  it('fails verification when the body is altered', () => {
    const secret = generateSigningSecret();
    const headers = standardWebhookHeaders([secret], 'msg_3', now, body);
    expect(() => new Webhook(secret).verify(body.replace('t"', 'u"'), headers)).toThrow();
  });
});
