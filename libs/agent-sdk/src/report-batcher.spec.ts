import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AinsClient } from '@ains/sdk';
import { silentLogger } from './logger';
import { ReportBatcher, type TaskReport } from './report-batcher';

type Reply = (reports: TaskReport[], response: ServerResponse) => void;

/** A real HTTP server in the gateway's place: each request gets the next scripted reply (the last one repeats). */
class ScriptedGateway {
  readonly batches: TaskReport[][] = [];
  private readonly server: Server;
  private replies: Reply[] = [];

  constructor() {
    this.server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => {
        const { reports } = JSON.parse(text) as { reports: TaskReport[] };
        this.batches.push(reports);
        const reply = this.replies.length > 1 ? this.replies.shift() : this.replies[0];
        reply?.(reports, response);
      });
    });
  }

  script(...replies: Reply[]): void {
    this.replies = replies;
    this.batches.length = 0;
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'content-type': status < 400 ? 'application/json' : 'application/problem+json', ...headers });
  response.end(JSON.stringify(body));
};
/** Applies every report, or refuses those `refuse` picks with a 400. */
const answerEach =
  (refuse: (report: TaskReport) => boolean = () => false): Reply =>
  (reports, response) =>
    json(response, 200, { data: reports.map((report, index) => (refuse(report) ? { index, task_id: report.task_id, status: 400, outcome: 'refused', problem: { type: 'x', title: 'Invalid request', status: 400, detail: 'cannot store' } } : { index, task_id: report.task_id, status: 200, outcome: 'applied' })) });
const problem = (status: number, headers: Record<string, string> = {}): Reply => (_reports, response) => json(response, status, { type: 'x', title: 'No', status }, headers);

describe('ReportBatcher', () => {
  const gateway = new ScriptedGateway();
  let batcher: ReportBatcher;
  const complete = (taskId: string): TaskReport => ({ task_id: taskId, type: 'complete', result: {} });

  beforeAll(async () => {
    const url = await gateway.start();
    batcher = new ReportBatcher(new AinsClient({ url, apiKey: 'ains_key', retry: false }), 'agent-1', { lingerMs: 20, maxBatchSize: 3 }, silentLogger);
  });

  afterAll(() => gateway.stop());

  it('sends the reports made within the linger together, a full batch at once, and answers each', async () => {
    gateway.script(answerEach());
    const answers = await Promise.all(['a', 'b', 'c', 'd'].map((id) => batcher.submit(complete(id))));
    expect(answers.map((answer) => answer.outcome)).toEqual(['applied', 'applied', 'applied', 'applied']);
    expect(gateway.batches.map((batch) => batch.map((report) => report.task_id))).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('puts a task’s progress before its outcome in one request', async () => {
    gateway.script(answerEach());
    await Promise.all([batcher.submit(complete('a')), batcher.submit({ task_id: 'b', type: 'start' }), batcher.submit({ task_id: 'a', type: 'progress', progress: {} })]);
    expect(gateway.batches[0].map((report) => `${report.task_id}:${report.type}`)).toEqual(['a:progress', 'a:complete', 'b:start']);
  });

  it('keeps reports through a rate limit and an outage, honouring Retry-After', async () => {
    gateway.script(problem(429, { 'retry-after': '1' }), problem(503), answerEach());
    const began = Date.now();
    const answer = await batcher.submit(complete('a'));
    expect(answer.outcome).toBe('applied');
    expect(gateway.batches).toHaveLength(3);
    expect(Date.now() - began).toBeGreaterThanOrEqual(1_000);
  });

  it('sends the reports of a batch refused as a whole one at a time, refusing only the one at fault', async () => {
    gateway.script((reports, response) => (reports.length > 1 || reports[0].task_id === 'bad' ? problem(400)(reports, response) : answerEach()(reports, response)));
    const [good, bad] = await Promise.all([batcher.submit(complete('good')), batcher.submit(complete('bad'))]);
    expect(good.outcome).toBe('applied');
    expect(bad).toMatchObject({ outcome: 'refused', status: 400 });
  });

  it('answers a report refused on its own with its problem', async () => {
    gateway.script(answerEach((report) => report.task_id === 'nul'));
    const [ok, refused] = await Promise.all([batcher.submit(complete('ok')), batcher.submit(complete('nul'))]);
    expect(ok.outcome).toBe('applied');
    expect(refused).toMatchObject({ outcome: 'refused', status: 400, problem: { detail: 'cannot store' } });
  });

  it('sends again, on their own, the reports answered 503 inside a batch, settling the others', async () => {
    let firstRequest = true;
    gateway.script((reports, response) => {
      const undecided = firstRequest;
      firstRequest = false;
      json(response, 200, { data: reports.map((report, index) => (undecided && report.task_id === 'early' ? { index, task_id: report.task_id, status: 503, outcome: 'refused', problem: { type: 'x', title: 'Service unavailable', status: 503 } } : { index, task_id: report.task_id, status: 200, outcome: 'applied' })) });
    });
    const [early, other] = await Promise.all([batcher.submit(complete('early')), batcher.submit(complete('other'))]);
    expect([early.outcome, other.outcome]).toEqual(['applied', 'applied']);
    expect(gateway.batches.map((batch) => batch.map((report) => report.task_id))).toEqual([['early', 'other'], ['early']]);
  });

  it('settles what is still waiting as given up, with the reason, when the agent gives up', async () => {
    const giving = new ReportBatcher(new AinsClient({ url: 'http://127.0.0.1:1', apiKey: 'ains_key', retry: false }), 'agent-1', { lingerMs: 1, maxBatchSize: 10 }, silentLogger);
    const pending = giving.submit(complete('a'));
    giving.giveUp('stopped');
    await expect(pending).resolves.toEqual({ outcome: 'given_up', status: 0, reason: 'stopped' });
    await expect(giving.submit(complete('b'))).resolves.toMatchObject({ outcome: 'given_up' });
  });
});
