import type { Socket } from 'node:net';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { statusProblem } from './to-problem';

/**
 * Errors Node's HTTP parser raises before there is a request to answer: a client too slow to send
 * its headers or body (408), headers past the size limit (431), a request that is not HTTP (400).
 * Written straight to the socket as problem+json, then the connection is closed.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const response = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  // An answer already on its way cannot be replaced without corrupting what the peer reads.
  if (socket.writable && !response?.headersSent) {
    const problem = problemFor(error.code);
    const body = JSON.stringify(problem);
    socket.write(
      `HTTP/1.1 ${problem.status} ${problem.title}\r\nConnection: close\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

function problemFor(code: string | undefined) {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return statusProblem(408, 'The request (headers and body) did not arrive within the time this server allows.');
  if (code === 'HPE_HEADER_OVERFLOW') return statusProblem(431, 'The request headers are larger than this server accepts.');
  return statusProblem(400, 'The request is not valid HTTP.');
}
