import { verify } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { agentPublicKeyObject } from '@ains/contracts';
import { ProblemException } from '@ains/platform';
// The signing text agents use, from the one file of the client SDK that defines it (pure, no HTTP client).
import { reportSigningBytes } from '@ains/sdk/report-signature';
import type { TaskRow } from '../tasks/task.row';
import { AgentKeysRepository } from './agent-keys.repository';

/** A complete or fail report as it arrived, after the API's defaults. */
export type FinalReport = { type: 'complete'; result: Record<string, unknown>; signature?: string } | { type: 'fail'; error: string; retryable: boolean; signature?: string };

/** A verified signature, kept with the attempt the report ends. */
export interface AttemptSignature {
  signature: string;
  publicKey: string;
  /** The fail report's `retryable`, which its signature covers; null for complete. */
  retryable: boolean | null;
}

/**
 * Checks the signature of an agent's complete and fail reports before they are applied. The key
 * is the one task-service knows for the agent when the report arrives (agent-service's latest
 * registered or updated event): after a rotation, reports signed with the old key are refused
 * from the moment the event is consumed, and reports signed with the new key until then.
 */
@Injectable()
export class ReportSignatures {
  constructor(private readonly keys: AgentKeysRepository) {}

  /** Whether the agent's complete and fail reports must carry a signature (task-service knows a public key of it). */
  async requiredOf(manager: EntityManager, agentId: string): Promise<boolean> {
    return Boolean((await this.keys.find(manager, agentId))?.publicKey);
  }

  /** The signature to keep with the attempt; null for an agent without a key (nothing to verify). */
  async check(manager: EntityManager, task: TaskRow, agentId: string, report: FinalReport): Promise<AttemptSignature | null> {
    const known = await this.keys.find(manager, agentId);
    if (!known?.publicKey) {
      if (report.signature === undefined) return null;
      // Signed by an agent whose key has not reached task-service yet: it was registered or set moments ago.
      throw ProblemException.serviceUnavailable(`The report is signed, but the public key of agent ${agentId} is not known here yet; send it again shortly.`, 1);
    }
    if (report.signature === undefined) {
      throw new ProblemException({ status: 422, type: 'signature-required', title: 'Signature required', detail: `Agent ${agentId} has a public key: its ${report.type} reports must be signed.`, errors: [{ field: 'signature', message: 'is required' }] });
    }
    const bytes = reportSigningBytes(report.type === 'complete' ? { type: 'complete', taskId: task.id, attempt: task.attempt, result: report.result } : { type: 'fail', taskId: task.id, attempt: task.attempt, error: report.error, retryable: report.retryable });
    const key = agentPublicKeyObject(known.publicKey);
    if (!key || !verify(null, bytes, key, Buffer.from(report.signature, 'base64url'))) {
      throw new ProblemException({
        status: 422,
        type: 'signature-invalid',
        title: 'Signature invalid',
        detail: `The signature does not verify with the public key of agent ${agentId} over this ${report.type} report of task ${task.id}, attempt ${task.attempt}.`,
        errors: [{ field: 'signature', message: 'does not verify' }],
      });
    }
    return { signature: report.signature, publicKey: known.publicKey, retryable: report.type === 'fail' ? report.retryable : null };
  }
}
