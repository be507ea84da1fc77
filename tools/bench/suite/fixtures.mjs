// What the parts need before they start: a client key, a catalogue of agents for the listings,
// the lifecycle's agents with their work keys, and tasks to read back. Created through the
// gateway with the admin key, as an operator would.

const UNLIMITED = 100_000; // the gateway's highest per-minute limit: the rate limit must not interfere

/** Tags of this run: the lifecycle's tasks go to its agents only; the mixed workload's to nobody. */
export const runTags = (runId) => ({ lifecycle: `bench-life-${runId}`, unrouted: `bench-unrouted-${runId}`, catalogue: 'bench-catalogue' });

async function createKey(client, adminKey, body) {
  const key = await client.call('POST', '/v1/api-keys', adminKey, { rate_limit_per_minute: UNLIMITED, ...body }, 201);
  return key.api_key;
}

export async function createFixtures(client, adminKey, runId, options) {
  const tags = runTags(runId);
  const clientId = `bench-client-${runId}`;
  const clientKey = await createKey(client, adminKey, { name: 'bench client', client_id: clientId, scopes: ['tasks:read', 'tasks:write', 'agents:read', 'agents:write', 'trust:read'] });

  for (let index = 0; index < 20; index += 1) {
    await client.call('POST', '/v1/agents', clientKey, { display_name: `catalogue-${index}`, tags: [tags.catalogue, `region-${index % 4}`], capabilities: [{ name: 'python', version: `3.${10 + (index % 3)}.0` }], max_concurrency: 4 }, 201);
  }

  const agents = [];
  for (let index = 0; index < options.agents; index += 1) {
    const agent = await client.call('POST', '/v1/agents', clientKey, { display_name: `bench-agent-${index}`, tags: [tags.lifecycle], capabilities: [{ name: 'bench', version: '1.0.0' }], max_concurrency: options.concurrency }, 201);
    // The key registration returns has the default rate limit; lifecycle agents get unlimited ones.
    agents.push({ id: agent.id, apiKey: await createKey(client, adminKey, { name: `bench agent ${index}`, client_id: clientId, scopes: ['agent:work'], agent_id: agent.id }) });
  }

  // Tasks to read back, in one dependency chain: only the first is queued. Routing looks at the
  // first 200 queued tasks of each priority, so 200 queued tasks no agent can take would hide
  // the lifecycle's tasks of the same priority behind them.
  const readable = await client.call(
    'POST',
    '/v1/tasks/batch',
    clientKey,
    { tasks: Array.from({ length: 200 }, (_, index) => ({ task_type: 'bench.read', input: { index }, routing: { required_tags: [tags.unrouted] }, ref: `r${index}`, depends_on_refs: index === 0 ? [] : [`r${index - 1}`] })) },
    201,
  );
  return { clientId, clientKey, agents, taskIds: readable.data.map((task) => task.id), tags };
}
