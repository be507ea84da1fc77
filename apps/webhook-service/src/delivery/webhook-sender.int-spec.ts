import { WebhookReceiver } from '../testing/webhook-receiver';
import { destinationPolicy } from '@ains/platform';
import { WebhookSender } from './webhook-sender';

describe('WebhookSender (real sockets on 127.0.0.1)', () => {
  const receiver = new WebhookReceiver();
  const loopbackAllowed = new WebhookSender({ policy: destinationPolicy(false, ['127.0.0.1/32']), attemptTimeoutMs: 2_000, responseBodyMaxBytes: 16 });
  const closed = new WebhookSender({ policy: destinationPolicy(false, []), attemptTimeoutMs: 2_000, responseBodyMaxBytes: 16 });

  beforeAll(() => receiver.start());
  afterAll(async () => {
    await Promise.all([loopbackAllowed.close(), closed.close(), receiver.stop()]);
  });

  it('posts the body and headers and keeps only the start of the response body', async () => {
    receiver.answer = () => ({ status: 200, body: 'x'.repeat(10_000) });
    const result = await loopbackAllowed.send({ url: receiver.url, headers: { 'x-tenant': 'a' }, body: '{"ok":true}' });
    expect(result).toMatchObject({ statusCode: 200, responseBody: 'x'.repeat(16), error: null });
    const request = receiver.received.at(-1);
    expect(request?.body).toBe('{"ok":true}');
    expect(request?.headers).toMatchObject({ 'x-tenant': 'a', 'content-type': 'application/json' });
  });

  it('refuses a host name that resolves to a loopback address, without connecting', async () => {
    const before = receiver.received.length;
    const result = await closed.send({ url: `http://localhost:${receiver.port}/hook`, headers: {}, body: '{}' });
    expect(result.statusCode).toBeNull();
    expect(result.error).toMatch(/refused: 127\.0\.0\.1 is a loopback address/);
    expect(receiver.received.length).toBe(before);
  });

  it('refuses private, metadata and non-allow-listed IP literals', async () => {
    for (const url of ['http://10.1.2.3/hook', 'http://169.254.169.254/latest/meta-data', `http://127.0.0.2:${receiver.port}/hook`, 'http://[::1]/hook']) {
      const result = await loopbackAllowed.send({ url, headers: {}, body: '{}' });
      expect(result).toMatchObject({ statusCode: null, error: expect.stringContaining('refused') });
    }
  });

  it('does not follow redirects', async () => {
    const before = receiver.received.length;
    receiver.answer = () => ({ status: 302 });
    const result = await loopbackAllowed.send({ url: receiver.url, headers: {}, body: '{}' });
    expect(result).toMatchObject({ statusCode: 302, error: 'redirect not followed' });
    expect(receiver.received.length).toBe(before + 1);
  });

  it('gives up on an endpoint that does not answer within the attempt timeout', async () => {
    receiver.answer = () => 'hold';
    const result = await loopbackAllowed.send({ url: receiver.url, headers: {}, body: '{}' });
    expect(result.statusCode).toBeNull();
    expect(result.error).toMatch(/timeout|Timeout/);
    receiver.release();
  });
});
