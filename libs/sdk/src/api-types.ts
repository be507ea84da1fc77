import type { Client, MethodResponse } from 'openapi-fetch';
import type { HttpMethod, OperationRequestBodyContent, PathsWithMethod } from 'openapi-typescript-helpers';
import type { paths } from './generated/openapi';

/** Every path of the AINS API, as the generated OpenAPI types describe it. */
export type AinsPaths = paths;

/** The paths that accept `method`. */
export type AinsPath<M extends HttpMethod> = PathsWithMethod<paths, M>;

/** The success body of an operation. */
export type ResponseBody<M extends HttpMethod, P extends AinsPath<M>, Init = object> = MethodResponse<Client<paths>, M, P, Init>;

/** The JSON body an operation accepts. */
export type RequestBody<M extends HttpMethod, P extends AinsPath<M>> = OperationRequestBodyContent<paths[P][M]>;

/** One page of a cursor-paginated list: `next_cursor` is null on the last page. */
export interface Page<T = unknown> {
  data: T[];
  next_cursor: string | null;
}

/** The list operations that paginate with `cursor` and `next_cursor`. */
export type PaginatedPath = { [P in AinsPath<'get'>]: ResponseBody<'get', P> extends Page ? P : never }[AinsPath<'get'>];

/** The item type of a paginated list. */
export type PageItem<P extends PaginatedPath> = ResponseBody<'get', P> extends Page<infer T> ? T : never;

export type Task = PageItem<'/v1/tasks'>;
/** A task with its attempts (`GET /v1/tasks/{id}`). */
export type TaskDetail = ResponseBody<'get', '/v1/tasks/{id}'>;
export type TaskStatus = Task['status'];
/** Counts per state, queue per priority and the last hour per minute (`GET /v1/tasks/stats`). */
export type TaskStats = ResponseBody<'get', '/v1/tasks/stats'>;
export type NewTask = RequestBody<'post', '/v1/tasks'>;
/** An agent with its load, metrics and trust (`GET /v1/agents/{id}`). */
export type Agent = ResponseBody<'get', '/v1/agents/{id}'>;
export type AgentRegistration = RequestBody<'post', '/v1/agents'>;
/** A newly registered agent, with its `agent:work` API key (shown once). */
export type RegisteredAgent = ResponseBody<'post', '/v1/agents'>;
export type ApiKeyRequest = RequestBody<'post', '/v1/api-keys'>;
/** A newly created API key, with the full key in `api_key` (shown once). */
export type CreatedApiKey = ResponseBody<'post', '/v1/api-keys'>;
