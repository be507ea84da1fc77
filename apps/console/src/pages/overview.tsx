import type { TaskStatus } from '@ains/sdk';
import { useState } from 'preact/hooks';
import { FAILED_STATUSES, TASK_STATUSES, listAgentsCapped, listTasksCapped } from '../api/counts';
import { useLoad } from '../api/hooks';
import type { Session } from '../api/session';
import { BarChart, Donut, LineChart } from '../components/charts';
import { ErrorNote, Loading, Section } from '../components/ui';
import { can } from '../logic/access';
import { formatAge, formatCount, formatPercent } from '../logic/format';
import { appendSample, bucketize, failureRate, type Sample } from '../logic/series';

const POLL_MS = 10_000;
const HOUR = 3_600_000;
/** How much state history the overview keeps while it is open. */
const HISTORY_MS = HOUR;

export function OverviewPage({ session }: { session: Session }) {
  const { access } = session;
  return (
    <>
      <h1>Overview</h1>
      <p class="muted">Updated every {POLL_MS / 1_000} seconds.</p>
      <div class="grid">
        {can(access, 'tasks:read') ? <QueuePanel session={session} /> : null}
        {can(access, 'tasks:read') ? <StatesPanel session={session} /> : null}
        {can(access, 'tasks:read') ? <ThroughputPanel session={session} /> : null}
        {can(access, 'agents:read') ? <AgentsPanel session={session} /> : null}
      </div>
      {!can(access, 'tasks:read') && !can(access, 'agents:read') ? <p>This API key may read neither tasks nor agents, so there is nothing to chart.</p> : null}
    </>
  );
}

function QueuePanel({ session }: { session: Session }) {
  const admin = can(session.access, 'admin');
  const queue = useLoad(
    async () => {
      // The dispatch queue across tenants is an admin read; every key sees its own queued tasks.
      const [dispatch, queued] = await Promise.all([admin ? session.client.get('/v1/routing/queue') : Promise.resolve(null), listTasksCapped(session.client, { status: 'queued' })]);
      const byPriority = new Map<number, number>();
      for (const task of queued.items) byPriority.set(task.effective_priority, (byPriority.get(task.effective_priority) ?? 0) + 1);
      const oldest = queued.items.reduce<string | null>((min, task) => {
        const at = task.queued_at ?? task.created_at;
        return min === null || at < min ? at : min;
      }, null);
      return { dispatch, queued, byPriority, oldest };
    },
    'queue',
    POLL_MS,
  );
  const data = queue.data;
  const bars = Array.from({ length: 10 }, (_, index) => {
    const priority = 10 - index;
    const value = data?.dispatch ? (data.dispatch.by_priority[String(priority)] ?? 0) : (data?.byPriority.get(priority) ?? 0);
    return { label: `P${priority}`, value };
  });
  return (
    <Section title="Queue">
      <ErrorNote error={queue.error} />
      <Loading loading={queue.loading && !queue.data} />
      {data ? (
        <>
          <p class="stat">
            <strong>{data.dispatch ? data.dispatch.depth : formatCount(data.queued.items.length, data.queued.capped)}</strong> queued
            {data.dispatch ? ' (all tenants)' : ''}
            {data.oldest ? `; oldest waiting ${data.queued.capped ? 'at least ' : ''}${formatAge(data.oldest).replace(' ago', '')}` : ''}
            {data.dispatch?.backpressure.engaged ? <span class="badge badge-failed">backpressure</span> : null}
          </p>
          <BarChart title="Queued tasks by effective priority" bars={bars} />
        </>
      ) : null}
    </Section>
  );
}

type StatusCounts = Record<TaskStatus, number>;

function StatesPanel({ session }: { session: Session }) {
  const [history, setHistory] = useState<Sample<TaskStatus>[]>([]);
  const counts = useLoad(
    async () => {
      const entries = await Promise.all(TASK_STATUSES.map(async (status) => [status, await listTasksCapped(session.client, { status })] as const));
      const values = Object.fromEntries(entries.map(([status, list]) => [status, list.items.length])) as StatusCounts;
      const capped = entries.filter(([, list]) => list.capped).map(([status]) => status);
      setHistory((samples) => appendSample(samples, { at: Date.now(), values }, HISTORY_MS));
      return { values, capped };
    },
    'states',
    POLL_MS,
  );
  const live: TaskStatus[] = ['pending', 'blocked', 'queued', 'assigned', 'running'];
  const data = counts.data;
  return (
    <Section title="Tasks per state">
      <ErrorNote error={counts.error} />
      <Loading loading={counts.loading && !counts.data} />
      {data ? (
        <>
          <BarChart title="Tasks per state now" bars={TASK_STATUSES.map((status) => ({ label: status.replace('_', ' '), value: data.values[status] }))} />
          {data.capped.length ? <p class="muted">Counted up to 600 each; more in: {data.capped.join(', ')}.</p> : null}
          <LineChart title="Unfinished tasks over time (since this page opened)" series={live.map((status) => ({ name: status, points: history.map((sample) => ({ at: sample.at, value: sample.values[status] })) }))} />
        </>
      ) : null}
    </Section>
  );
}

function ThroughputPanel({ session }: { session: Session }) {
  const throughput = useLoad(
    async () => {
      const to = Date.now();
      const from = to - HOUR;
      const since = new Date(from).toISOString();
      const [completed, ...failures] = await Promise.all([listTasksCapped(session.client, { status: 'completed', created_after: since }), ...FAILED_STATUSES.map((status) => listTasksCapped(session.client, { status, created_after: since }))]);
      const failed = failures.flatMap((list) => list.items);
      const finishedAt = (list: { finished_at: string | null }[]) => list.map((task) => task.finished_at).filter((at): at is string => at !== null);
      return {
        completed: bucketize(finishedAt(completed.items), from, to, 12),
        failed: bucketize(finishedAt(failed), from, to, 12),
        totals: { completed: completed.items.length, failed: failed.length },
        capped: completed.capped || failures.some((list) => list.capped),
      };
    },
    'throughput',
    POLL_MS,
  );
  const data = throughput.data;
  const rate = data ? failureRate(data.totals.completed, data.totals.failed) : null;
  return (
    <Section title="Throughput, last hour">
      <ErrorNote error={throughput.error} />
      <Loading loading={throughput.loading && !throughput.data} />
      {data ? (
        <>
          <p class="stat">
            <strong>{formatCount(data.totals.completed, data.capped)}</strong> completed, <strong>{formatCount(data.totals.failed, data.capped)}</strong> failed; failure rate <strong>{formatPercent(rate)}</strong>
          </p>
          <LineChart
            title="Tasks finished per 5 minutes"
            series={[
              { name: 'completed', points: data.completed.map((bucket) => ({ at: bucket.start, value: bucket.count })) },
              { name: 'failed', points: data.failed.map((bucket) => ({ at: bucket.start, value: bucket.count })) },
            ]}
          />
        </>
      ) : null}
    </Section>
  );
}

function AgentsPanel({ session }: { session: Session }) {
  const agents = useLoad(
    async () => {
      const [online, offline, draining] = await Promise.all([listAgentsCapped(session.client, 'online'), listAgentsCapped(session.client, 'offline'), listAgentsCapped(session.client, 'draining')]);
      return { online, offline, draining };
    },
    'agents',
    POLL_MS,
  );
  const data = agents.data;
  return (
    <Section title="Agents">
      <ErrorNote error={agents.error} />
      <Loading loading={agents.loading && !agents.data} />
      {data ? (
        <Donut
          title="Agents by status"
          parts={[
            { label: 'online', value: data.online.items.length },
            { label: 'draining', value: data.draining.items.length },
            { label: 'offline', value: data.offline.items.length },
          ]}
        />
      ) : null}
    </Section>
  );
}
