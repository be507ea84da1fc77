import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Lets a closing HTTP server end the connections that carry no request. Node's close ends idle
 * keep-alive connections, but a connection that is open and has not sent its first request counts
 * as busy (its header deadline is running), and closing stops the timer that enforces that
 * deadline: such a connection would hold the close open until its client leaves. Requests in
 * flight still get their answers; their connections end after the last one.
 *
 * Returns the function to call when the server starts closing.
 */
export function drainConnectionsOnClose(server: Server): () => void {
  const requestsInFlight = new Map<Socket, number>();
  let closing = false;

  server.on('connection', (socket: Socket) => {
    requestsInFlight.set(socket, 0);
    socket.once('close', () => requestsInFlight.delete(socket));
  });
  server.on('request', (request, response) => {
    const socket = request.socket;
    const count = requestsInFlight.get(socket);
    if (count === undefined) return;
    requestsInFlight.set(socket, count + 1);
    response.once('close', () => {
      const left = (requestsInFlight.get(socket) ?? 1) - 1;
      if (!requestsInFlight.has(socket)) return;
      requestsInFlight.set(socket, left);
      if (closing && left === 0) socket.end();
    });
  });

  return () => {
    closing = true;
    for (const [socket, count] of requestsInFlight) if (count === 0) socket.destroy();
  };
}
