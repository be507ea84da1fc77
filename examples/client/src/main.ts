import { randomUUID } from 'node:crypto';
import { AinsApiError, AinsClient } from '@ains/sdk';

// A client application: submits a "summarize" task per text given on the command line (or two
// sample texts) for the agents tagged `summarizer`, waits for each to finish, and prints the result.
const url = process.env.AINS_URL ?? 'http://127.0.0.1:8080';
const apiKey = process.env.AINS_API_KEY;
if (!apiKey) {
  console.error('Set AINS_API_KEY to a key with tasks:read and tasks:write (or the admin key).');
  process.exit(2);
}

const SAMPLES = [
  'AINS routes work from client applications to fleets of agents. Clients submit tasks through one gateway. ' +
    'The platform picks the best agent for each task by capabilities, load, speed and trust. Agents claim their tasks, run them and report the results. ' +
    'Trust rises with every completed task and falls with failures.',
  'Agents send heartbeats so the platform knows they are alive. An agent that stops drains first, so it receives no new work. ' +
    'Its running tasks finish and report before it goes. Tasks it never finished are retried on another agent.',
];

async function main(): Promise<void> {
  const ains = new AinsClient({ url, apiKey: apiKey as string });
  const texts = process.argv.length > 2 ? process.argv.slice(2) : SAMPLES;

  const submitted = await Promise.all(
    texts.map((text) =>
      ains.post('/v1/tasks', {
        body: { task_type: 'summarize', input: { text, max_sentences: 2 }, routing: { required_tags: ['summarizer'] }, retry_policy: { max_attempts: 3 } },
        // Makes the creation safe to retry: the same key and body return the first task.
        params: { header: { 'Idempotency-Key': randomUUID() } },
      }),
    ),
  );
  console.log(`Submitted ${submitted.length} task(s): ${submitted.map((task) => task.id).join(', ')}`);

  for (const task of submitted) {
    const done = await ains.waitForTask(task.id, { timeoutMs: 120_000 });
    if (done.status === 'completed') console.log(`\n${task.id} completed by agent ${done.assigned_agent_id}:\n  ${String(done.result?.summary)}`);
    else console.log(`\n${task.id} ended ${done.status}: ${done.error ?? done.status_reason ?? ''}`);
  }

  let recent = 0;
  for await (const _task of ains.paginate('/v1/tasks', { params: { query: { task_type: 'summarize', limit: 50 } } })) recent++;
  console.log(`\nThis client has ${recent} summarize task(s) in all.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof AinsApiError ? `AINS answered ${error.message}` : error);
  process.exit(1);
});
