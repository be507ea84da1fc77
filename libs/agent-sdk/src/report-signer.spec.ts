import { generateKeyPairSync, verify } from 'node:crypto';
import { reportSigningBytes } from '@ains/sdk';
import { ReportSigner } from './report-signer';

const taskId = '5f0c6f9e-8a5b-4a55-9f4e-2b1d6a3c9e10';

describe('ReportSigner', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const check = (bytes: Uint8Array, signature: string | undefined) => verify(null, bytes, publicKey, Buffer.from(signature ?? '', 'base64url'));

  it('gives the public key in the API’s form, from a KeyObject or PEM', () => {
    const x = publicKey.export({ format: 'jwk' }).x;
    expect(new ReportSigner(privateKey).publicKey).toBe(x);
    expect(new ReportSigner(privateKey.export({ format: 'pem', type: 'pkcs8' }) as string).publicKey).toBe(x);
    expect(x).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses keys that are not Ed25519 private keys', () => {
    expect(() => new ReportSigner(publicKey)).toThrow('Ed25519 private key');
    expect(() => new ReportSigner(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey)).toThrow('Ed25519 private key');
  });

  it('signs a result as it travels, over the task, the attempt and the canonical result', () => {
    const signer = new ReportSigner(privateKey);
    const report = signer.sign({ task_id: taskId, type: 'complete', result: { when: new Date(0) as unknown as string, gone: undefined as unknown as string, n: 1 } }, 3);
    expect(report).toMatchObject({ type: 'complete', result: { when: '1970-01-01T00:00:00.000Z', n: 1 } });
    expect(check(reportSigningBytes({ type: 'complete', taskId, attempt: 3, result: { n: 1, when: '1970-01-01T00:00:00.000Z' } }), report.signature)).toBe(true);
    expect(check(reportSigningBytes({ type: 'complete', taskId, attempt: 2, result: { n: 1, when: '1970-01-01T00:00:00.000Z' } }), report.signature)).toBe(false);
  });

  it('signs a failure with its error and retryable flag (true when left out)', () => {
    const report = new ReportSigner(privateKey).sign({ task_id: taskId, type: 'fail', error: 'disk full' }, 1);
    expect(report).toMatchObject({ retryable: true, signature: expect.stringMatching(/^[A-Za-z0-9_-]{86}$/) });
    expect(check(reportSigningBytes({ type: 'fail', taskId, attempt: 1, error: 'disk full', retryable: true }), report.signature)).toBe(true);
    expect(check(reportSigningBytes({ type: 'fail', taskId, attempt: 1, error: 'disk full', retryable: false }), report.signature)).toBe(false);
  });
});
