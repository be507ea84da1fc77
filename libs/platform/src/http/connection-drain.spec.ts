import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { drainConnectionsOnClose } from './connection-drain';

/** A real server on a loopback port, closed as the platform closes its services. */
async function startServer(drain: boolean): Promise<{ app: FastifyInstance; port: number; arrived: Promise<void>; release: () => void }> {
  const app = Fastify({ forceCloseConnections: 'idle', return503OnClosing: true });
  let release = (): void => undefined;
  let arrive = (): void => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  app.get('/slow', async () => {
    arrive();
    await released;
    return { done: true };
  });
  if (drain) drainConnectionsOnClose(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, port: (app.server.address() as AddressInfo).port, arrived, release };
}

function openConnection(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

const ended = (socket: Socket): Promise<void> => new Promise((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())));
/** Whether `promise` settles within `ms`. */
const settlesWithin = (promise: Promise<unknown>, ms: number): Promise<boolean> =>
  Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref())]);

describe('drainConnectionsOnClose', () => {
  it('closes the server although a client holds a connection on which it sent nothing yet', async () => {
    const { app, port } = await startServer(true);
    const silent = await openConnection(port);
    expect(await settlesWithin(app.close(), 2_000)).toBe(true);
    await ended(silent);
  });

  it('is needed: without it such a connection holds the close open', async () => {
    const { app, port } = await startServer(false);
    const silent = await openConnection(port);
    expect(await settlesWithin(app.close(), 500)).toBe(false);
    silent.destroy();
    await app.close();
  });

  it('lets a request in flight finish with its answer, then ends its connection', async () => {
    const { app, port, arrived, release } = await startServer(true);
    const client = await openConnection(port);
    let answer = '';
    client.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    client.write('GET /slow HTTP/1.1\r\nHost: test\r\nConnection: keep-alive\r\n\r\n');
    await arrived;
    const closed = app.close();
    expect(await settlesWithin(closed, 200)).toBe(false);
    release();
    await closed;
    await ended(client);
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer).toContain('{"done":true}');
  });
});
