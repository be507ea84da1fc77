import type { FastifyReply } from 'fastify';
import type { UpstreamResponse } from './upstream.client';

/** Headers of an upstream answer that the client should see. */
const PASSED_HEADERS = ['content-type', 'retry-after', 'location'];

/** Sends a service's answer to the client as it came: status, body and the relevant headers. */
export function relayResponse(reply: FastifyReply, response: UpstreamResponse): unknown {
  for (const name of PASSED_HEADERS) {
    const value = response.headers[name];
    if (value) void reply.header(name, value);
  }
  void reply.status(response.status);
  return response.body;
}
