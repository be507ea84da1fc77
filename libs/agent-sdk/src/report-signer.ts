import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { reportSigningBytes } from '@ains/sdk';
import type { TaskReport } from './report-batcher';

export type FinalReport = Extract<TaskReport, { type: 'complete' | 'fail' }>;

/**
 * Signs the agent's complete and fail reports with its Ed25519 private key, over the signing text
 * AINS verifies (`reportSigningText` of @ains/sdk): the report type, task id, attempt and the
 * canonical JSON of the result (or of the error and `retryable`).
 */
export class ReportSigner {
  private readonly privateKey: KeyObject;
  /** base64url of the raw 32-byte public key: the form the API takes and shows. */
  readonly publicKey: string;

  /** @param privateKey a node KeyObject or a PEM (PKCS#8) text of an Ed25519 private key */
  constructor(privateKey: KeyObject | string) {
    this.privateKey = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey;
    if (this.privateKey.type !== 'private' || this.privateKey.asymmetricKeyType !== 'ed25519') throw new TypeError('The signing key must be an Ed25519 private key');
    this.publicKey = createPublicKey(this.privateKey).export({ format: 'jwk' }).x as string;
  }

  /**
   * The report with its signature. The result is signed as it travels (JSON), so values JSON
   * changes (dates, undefined fields) are signed as AINS will see them.
   */
  sign(report: FinalReport, attempt: number): FinalReport {
    if (report.type === 'complete') {
      const result = JSON.parse(JSON.stringify(report.result ?? {})) as Record<string, unknown>;
      const signature = sign(null, reportSigningBytes({ type: 'complete', taskId: report.task_id, attempt, result }), this.privateKey).toString('base64url');
      return { ...report, result, signature };
    }
    const retryable = report.retryable ?? true;
    const signature = sign(null, reportSigningBytes({ type: 'fail', taskId: report.task_id, attempt, error: report.error, retryable }), this.privateKey).toString('base64url');
    return { ...report, retryable, signature };
  }
}
