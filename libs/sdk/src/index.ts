export { AinsClient, createAinsClient, type AinsClientOptions, type CallOptions, type WaitForTaskOptions } from './ains-client';
export { AinsApiError, type Problem } from './ains-api-error';
export type {
  Agent,
  AgentRegistration,
  AinsPath,
  AinsPaths,
  ApiKeyRequest,
  CreatedApiKey,
  NewTask,
  Page,
  PageItem,
  PaginatedPath,
  RegisteredAgent,
  RequestBody,
  ResponseBody,
  Task,
  TaskDetail,
  TaskStats,
  TaskStatus,
} from './api-types';
export { backoffDelayMs, sleep, type BackoffOptions } from './backoff';
export { DEFAULT_RETRY_OPTIONS, isRepeatable, isRetryableStatus, parseRetryAfterMs, retryDelayMs, type RetryOptions } from './retry-policy';
export { retryingFetch, type FetchFunction } from './retrying-fetch';
export { isTaskFinished } from './task-status';
export type { components, operations, paths } from './generated/openapi';
export { REPORT_SIGNATURE_VERSION, canonicalJson, reportSigningBytes, reportSigningText, type SignedReport } from './report-signature';
