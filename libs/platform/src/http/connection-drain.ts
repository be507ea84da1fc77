import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

/**
 * Makes a closing server end the connections that carry no request. Node's close ends idle
 * keep-alive connections, but a connection that is open and has not sent its first request counts
 * as busy (its header deadline is running), and closing stops the timer that enforces that
 * deadline: such a connection would hold the close open until its client leaves. Requests in
 * flight still get their answers; their connections end after the last one.
 */
export function drainConnectionsOnClose(fastify: FastifyInstance): void {
  const requestsInFlight = new Map<Socket, number>();
  let closing = false;

  fastify.server.on('connection', (socket: Socket) => {
    requestsInFlight.set(socket, 0);
    socket.once('close', () => requestsInFlight.delete(socket));
  });
  fastify.server.on('request', (request, response) => {
    const socket = request.socket;
    const count = requestsInFlight.get(socket);
    if (count === undefined) return;
    requestsInFlight.set(socket, count + 1);
    response.once('close', () => {
      const before = requestsInFlight.get(socket);
      if (before === undefined) return;
      requestsInFlight.set(socket, before - 1);
      if (closing && before === 1) socket.end();
    });
  });
  fastify.addHook('preClose', (done) => {
    closing = true;
    for (const [socket, count] of requestsInFlight) if (count === 0) socket.destroy();
    done();
  });
}
