import { connect, type Socket } from 'node:net';
import { api } from './support/http';
import { E2E_PORT_BASE, e2eEnv } from './support/stack-env';

const HEADERS_TIMEOUT_MS = Number(e2eEnv.HTTP_HEADERS_TIMEOUT_MS);
const REQUEST_TIMEOUT_MS = Number(e2eEnv.HTTP_REQUEST_TIMEOUT_MS);
/** Node checks deadlines every half second (libs/platform bootstrap); the rest is a loaded machine. */
const SLACK_MS = 2_000;

interface RawAnswer {
  statusLine: string;
  headers: string;
  body: string;
  elapsedMs: number;
}

/** Opens a connection to the gateway and collects everything it answers until it closes the connection. */
function openSlowClient(): { socket: Socket; answer: Promise<RawAnswer> } {
  const started = Date.now();
  const socket = connect({ host: '127.0.0.1', port: E2E_PORT_BASE });
  const answer = new Promise<RawAnswer>((resolve, reject) => {
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = received.split('\r\n\r\n');
      const [statusLine = '', ...headers] = head.split('\r\n');
      resolve({ statusLine, headers: headers.join('\n').toLowerCase(), body, elapsedMs: Date.now() - started });
    });
  });
  return { socket, answer };
}

describe('a slow or lying client gets its answer within the configured time, and others are served meanwhile', () => {
  it('a body shorter than its Content-Length gets 408 problem+json', async () => {
    const { socket, answer } = openSlowClient();
    const body = '{"task_type"';
    socket.write(`POST /v1/tasks HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: ${e2eEnv.BOOTSTRAP_ADMIN_API_KEY}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n${body}`);

    // While that connection waits for the rest of its body, other clients are served.
    const meanwhile = await api('GET', '/v1/agents?limit=1');
    expect(meanwhile.status).toBe(200);

    const { statusLine, headers, body: problem, elapsedMs } = await answer;
    expect(statusLine).toMatch(/^HTTP\/1\.1 408 /);
    expect(headers).toContain('content-type: application/problem+json');
    expect(JSON.parse(problem)).toMatchObject({ status: 408, type: 'https://ains.dev/problems/request-timeout' });
    expect(elapsedMs).toBeLessThan(REQUEST_TIMEOUT_MS + SLACK_MS);
  });

  it('headers trickled one byte at a time get 408 problem+json', async () => {
    const { socket, answer } = openSlowClient();
    socket.write('GET /v1/agents HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    const trickle = setInterval(() => socket.writable && socket.write('a'), 200);
    try {
      const meanwhile = await api('GET', '/v1/agents?limit=1');
      expect(meanwhile.status).toBe(200);
      const { statusLine, headers, body, elapsedMs } = await answer;
      expect(statusLine).toMatch(/^HTTP\/1\.1 408 /);
      expect(headers).toContain('content-type: application/problem+json');
      expect(JSON.parse(body)).toMatchObject({ status: 408 });
      expect(elapsedMs).toBeLessThan(HEADERS_TIMEOUT_MS + SLACK_MS);
    } finally {
      clearInterval(trickle);
      socket.destroy();
    }
  });

  it('something that is not HTTP gets 400 problem+json', async () => {
    const { socket, answer } = openSlowClient();
    socket.write('HELLO THERE\r\n\r\n');
    const { statusLine, headers } = await answer;
    expect(statusLine).toMatch(/^HTTP\/1\.1 400 /);
    expect(headers).toContain('content-type: application/problem+json');
  });
});
