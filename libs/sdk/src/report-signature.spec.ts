import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { canonicalJson, reportSigningBytes, reportSigningText } from './report-signature';

const taskId = '5f0c6f9e-8a5b-4a55-9f4e-2b1d6a3c9e10';

describe('report signing text', () => {
  it('is the version, the type, the task, the attempt and the canonical payload, one per line', () => {
    expect(reportSigningText({ type: 'complete', taskId, attempt: 2, result: { b: [1, { d: true, c: null }], a: 'x' } })).toBe(
      `ains-report-v1\ncomplete\n${taskId}\n2\n{"a":"x","b":[1,{"c":null,"d":true}]}`,
    );
    expect(reportSigningText({ type: 'fail', taskId, attempt: 1, error: 'disk full\nretry later', retryable: false })).toBe(`ains-report-v1\nfail\n${taskId}\n1\n{"error":"disk full\\nretry later","retryable":false}`);
  });

  it('does not depend on key order, and differs with every signed part', () => {
    const base = { type: 'complete' as const, taskId, attempt: 3, result: { x: 1, y: { p: 'q', o: [] } } };
    expect(reportSigningText({ ...base, result: { y: { o: [], p: 'q' }, x: 1 } })).toBe(reportSigningText(base));
    const variants = [
      reportSigningText({ ...base, attempt: 4 }),
      reportSigningText({ ...base, taskId: taskId.replace('5f0c', '5f0d') }),
      reportSigningText({ ...base, result: { x: 2, y: { p: 'q', o: [] } } }),
      reportSigningText({ type: 'fail', taskId, attempt: 3, error: '{"x":1}', retryable: true }),
    ];
    expect(new Set([reportSigningText(base), ...variants]).size).toBe(5);
  });

  it('writes canonical JSON as JSON.stringify writes values, without undefined keys', () => {
    expect(canonicalJson({ b: undefined, a: [undefined, 1.5, -0, 'é', '\u2028'], 'é': 1, Z: 2 })).toBe('{"Z":2,"a":[null,1.5,0,"é","\u2028"],"é":1}');
    expect(canonicalJson(null)).toBe('null');
  });

  it('refuses an attempt or a task id that could make two reports read alike', () => {
    expect(() => reportSigningText({ type: 'complete', taskId, attempt: 0, result: {} })).toThrow(RangeError);
    expect(() => reportSigningText({ type: 'complete', taskId: `${taskId}\n1`, attempt: 1, result: {} })).toThrow(RangeError);
    expect(() => reportSigningText({ type: 'complete', taskId: taskId.toUpperCase(), attempt: 1, result: {} })).toThrow(RangeError);
  });

  it('gives the bytes Ed25519 signs and verifies', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const report = { type: 'complete' as const, taskId, attempt: 1, result: { summary: 'ünïcode ✓' } };
    const signature = sign(null, reportSigningBytes(report), privateKey);
    expect(Buffer.from(reportSigningBytes(report)).toString('utf8')).toBe(reportSigningText(report));
    expect(verify(null, reportSigningBytes(report), publicKey, signature)).toBe(true);
    expect(verify(null, reportSigningBytes({ ...report, attempt: 2 }), publicKey, signature)).toBe(false);
  });
});
