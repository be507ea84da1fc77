// Part 3: the whole task lifecycle through the running stack. Tasks are submitted through the
// gateway (POST /v1/tasks, then POST /v1/tasks/batch for the burst), routed by routing-service to
// the run's agents, claimed, started and completed by agents written with the agent SDK, and
// scored by trust-service. Besides the shared job workload (submission → the agent's handler),
// the server's own timestamps break each task down: assigned, claimed, completed, and when
// trust-service recorded the completion.
import { setTimeout as delay } from 'node:timers/promises';
import { sql, summarize } from '../lib.mjs';
import { loadAgentSdk } from './agent-sdk.mjs';
import { epochNow } from './open-loop.mjs';

const TASK_TYPE = 'bench.noop';
const BATCH_LIMIT = 1_000; // the most POST /v1/tasks/batch takes
// The job workload already waited for every task to start; completing and scoring follow within seconds.
const SETTLE_TIMEOUT_MS = 30_000;

/** AINS as a job-workload system: jobs are tasks, workers are SDK agents. */
export async function ainsSystem(client, fixtures, gateway, options) {
  const { AinsAgent } = loadAgentSdk();
  const routing = { required_tags: [fixtures.tags.lifecycle] };
  const agents = [];
  return {
    name: 'AINS',
    description: `AINS: ${fixtures.agents.length} agents (agent SDK) through the gateway, routed by tag, claimed, started and completed`,
    async enqueue(input) {
      const task = await client.call('POST', '/v1/tasks', fixtures.clientKey, { task_type: TASK_TYPE, input, routing }, 201);
      return task.id;
    },
    async enqueueMany(jobs) {
      for (let from = 0; from < jobs.length; from += BATCH_LIMIT) {
        const chunk = jobs.slice(from, from + BATCH_LIMIT);
        const created = await client.call('POST', '/v1/tasks/batch', fixtures.clientKey, { tasks: chunk.map((input) => ({ task_type: TASK_TYPE, input, routing })) }, 201);
        created.data.forEach((task, index) => (chunk[index].ref = task.id));
      }
    },
    async startWorkers(onJob) {
      for (const { id, apiKey } of fixtures.agents) {
        // Signals are the suite's to handle: its cleanup stops the agents along with everything else.
        const agent = new AinsAgent({ url: gateway, apiKey, agentId: id, concurrency: options.concurrency, handleSignals: false });
        agent.handle(TASK_TYPE, async (input) => {
          await onJob(input);
          return { seq: input.seq };
        });
        agents.push(agent);
      }
      await Promise.all(agents.map((agent) => agent.start()));
    },
    stop: () => Promise.all(agents.map((agent) => agent.stop())),
  };
}

async function waitUntil(check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await delay(200);
  }
}

const epochMs = (column) => `extract(epoch FROM ${column}) * 1000 AS ${column}`;

/** task-service's timestamps of the tasks `ids`, keyed by task id. */
async function taskTimes(databaseUrl, ids) {
  const rows = await sql(databaseUrl, `SELECT id, status, ${['assigned_at', 'claimed_at', 'finished_at'].map(epochMs).join(', ')} FROM task.tasks WHERE id = ANY($1::uuid[])`, [ids]);
  return new Map(rows.map((row) => [row.id, row]));
}

/** Submission → each server-side step, for the jobs of one phase. */
function breakdown(jobs, times, trusted) {
  const since = (column) => jobs.map((job) => [job, times.get(job.ref)]).filter(([, row]) => row?.[column] != null).map(([job, row]) => Number(row[column]) - job.scheduled_at);
  const finished = jobs.map((job) => times.get(job.ref)).filter((row) => row?.finished_at != null);
  return {
    completed: finished.filter((row) => row.status === 'completed').length,
    submitToAssignedMs: summarize(since('assigned_at')),
    submitToClaimedMs: summarize(since('claimed_at')),
    submitToCompletedMs: summarize(since('finished_at')),
    completedToTrustMs: summarize(finished.filter((row) => trusted.has(row.id)).map((row) => trusted.get(row.id) - Number(row.finished_at))),
  };
}

/**
 * After the job workload: waits until every task is completed and the trust API
 * (GET /v1/agents/{id}/trust) counts every completion, noting how long after the last one that
 * was, then measures each step from the services' timestamps.
 */
export async function analyseLifecycle(client, fixtures, databaseUrl, workload, say) {
  const jobs = [...workload.steadyJobs, ...(workload.burstJobs ?? [])];
  const ids = jobs.map((job) => job.ref).filter(Boolean);
  say(`lifecycle: waiting for ${ids.length} tasks to complete and be scored`);
  let times;
  const allCompleted = await waitUntil(async () => {
    times = await taskTimes(databaseUrl, ids);
    return [...times.values()].every((row) => row.status === 'completed');
  }, SETTLE_TIMEOUT_MS);
  let lastFinished = 0;
  for (const row of times.values()) if (row.finished_at != null) lastFinished = Math.max(lastFinished, Number(row.finished_at));
  const completed = [...times.values()].filter((row) => row.status === 'completed').length;

  // Every task the agents completed, the warm-up's included, as trust-service should count them.
  const agentIds = fixtures.agents.map((agent) => agent.id);
  const [{ count: completedByAgents }] = await sql(databaseUrl, `SELECT count(*)::int AS count FROM task.tasks WHERE status = 'completed' AND assigned_agent_id = ANY($1::uuid[])`, [agentIds]);
  const apiCounted = async () => {
    let counted = 0;
    for (const id of agentIds) counted += (await client.call('GET', `/v1/agents/${id}/trust`, fixtures.clientKey, undefined, 200)).tasks.completed;
    return counted >= completedByAgents;
  };
  const trustCaughtUp = allCompleted && (await waitUntil(apiCounted, SETTLE_TIMEOUT_MS));
  const apiCaughtUpAfterMs = trustCaughtUp ? epochNow() - lastFinished : null;

  const records = await sql(databaseUrl, `SELECT task_id, ${epochMs('created_at')} FROM trust.trust_records WHERE event_type = 'ains.task.completed.v1' AND task_id = ANY($1::uuid[])`, [ids]);
  const trusted = new Map(records.map((row) => [row.task_id, Number(row.created_at)]));
  const result = {
    tasks: ids.length,
    completed,
    allCompleted,
    trustRecorded: trusted.size,
    trustApiCaughtUp: trustCaughtUp,
    // An upper bound: the API is polled every 200 ms, one request per agent.
    trustApiCaughtUpAfterLastCompletionMs: apiCaughtUpAfterMs,
    steady: breakdown(workload.steadyJobs, times, trusted),
  };
  if (workload.burstJobs) {
    const burst = breakdown(workload.burstJobs, times, trusted);
    const firstAt = workload.burstJobs[0].scheduled_at;
    let lastBurstFinished = firstAt;
    for (const job of workload.burstJobs) lastBurstFinished = Math.max(lastBurstFinished, Number(times.get(job.ref)?.finished_at ?? 0));
    result.burst = { ...burst, completedPerSecond: burst.completed / ((lastBurstFinished - firstAt) / 1000) };
  }
  return result;
}
