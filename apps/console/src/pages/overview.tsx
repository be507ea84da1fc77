import type { TaskStats, TaskStatus } from '@ains/sdk';
import { useState } from 'preact/hooks';
import { TASK_STATUSES } from '../api/task-statuses';
import { useLoad, type Loaded } from '../api/hooks';
import type { Session } from '../api/session';
import { BarChart, Donut, LineChart } from '../components/charts';
import { ErrorNote, Loading, Section } from '../components/ui';
import { can } from '../logic/access';
import { formatDuration, formatPercent } from '../logic/format';
import { appendSample, bucketSeries, bucketTotals, failureRate, failureRateSeries, groupBuckets, type Sample } from '../logic/series';

const POLL_MS = 10_000;
/** How much state history the overview keeps while it is open. */
const HISTORY_MS = 3_600_000;
/** Minutes per point of the failure-rate line: a minute alone is too noisy. */
const RATE_MINUTES = 5;

export function OverviewPage({ session }: { session: Session }) {
  const { access } = session;
  const tasks = can(access, 'tasks:read');
  return (
    <>
      <h1>Overview</h1>
      <p class="muted">Updated every {POLL_MS / 1_000} seconds.</p>
      <div class="grid">
        {tasks ? <TaskPanels session={session} /> : null}
        {can(access, 'agents:read') ? <AgentsPanel session={session} /> : null}
      </div>
      {!tasks && !can(access, 'agents:read') ? <p>This API key may read neither tasks nor agents, so there is nothing to chart.</p> : null}
    </>
  );
}

/** One statistics read feeds the three task panels. */
function TaskPanels({ session }: { session: Session }) {
  const [history, setHistory] = useState<Sample<TaskStatus>[]>([]);
  const stats = useLoad(
    async () => {
      const answer = await session.client.get('/v1/tasks/stats');
      setHistory((samples) => appendSample(samples, { at: Date.parse(answer.generated_at), values: statusCounts(answer) }, HISTORY_MS));
      return answer;
    },
    'stats',
    POLL_MS,
  );
  return (
    <>
      <QueuePanel session={session} stats={stats} />
      <StatesPanel stats={stats} history={history} />
      <ThroughputPanel stats={stats} />
    </>
  );
}

function statusCounts(stats: TaskStats): Record<TaskStatus, number> {
  return Object.fromEntries(TASK_STATUSES.map((status) => [status, stats.by_status[status] ?? 0])) as Record<TaskStatus, number>;
}

function Status({ stats }: { stats: Loaded<TaskStats> }) {
  return (
    <>
      <ErrorNote error={stats.error} />
      <Loading loading={stats.loading && !stats.data} />
    </>
  );
}

function scopeNote(stats: TaskStats): string {
  return stats.scope === 'all' ? ' (all tenants)' : '';
}

function QueuePanel({ session, stats }: { session: Session; stats: Loaded<TaskStats> }) {
  // Backpressure is routing's, across tenants: an admin read.
  const dispatch = useLoad(() => (can(session.access, 'admin') ? session.client.get('/v1/routing/queue') : Promise.resolve(null)), 'dispatch', POLL_MS);
  const data = stats.data;
  return (
    <Section title="Queue">
      <Status stats={stats} />
      {data ? (
        <>
          <p class="stat">
            <strong>{data.queue.depth}</strong> queued{scopeNote(data)}
            {data.queue.oldest_queued_at ? `; oldest waiting ${formatDuration(Date.parse(data.generated_at) - Date.parse(data.queue.oldest_queued_at))}` : ''}
            {dispatch.data?.backpressure.engaged ? <span class="badge badge-failed">backpressure</span> : null}
          </p>
          <p class="chart-title">Queued tasks by effective priority</p>
          <BarChart title="Queued tasks by effective priority" bars={data.queue.by_priority.map((level) => ({ label: `P${level.priority}`, value: level.count }))} />
          <p class="chart-title">Oldest queued task's wait by effective priority, in seconds</p>
          <BarChart
            title="Oldest queued task's wait by effective priority, in seconds"
            bars={data.queue.by_priority.map((level) => ({ label: `P${level.priority}`, value: level.oldest_age_ms === null ? 0 : Math.round(level.oldest_age_ms / 1_000) }))}
            unit=" s"
          />
        </>
      ) : null}
    </Section>
  );
}

function StatesPanel({ stats, history }: { stats: Loaded<TaskStats>; history: Sample<TaskStatus>[] }) {
  const live: TaskStatus[] = ['pending', 'blocked', 'queued', 'assigned', 'running'];
  const data = stats.data;
  const counts = data ? statusCounts(data) : null;
  const capped = data && counts ? TASK_STATUSES.filter((status) => counts[status] >= data.count_limit) : [];
  return (
    <Section title="Tasks per state">
      <Status stats={stats} />
      {data && counts ? (
        <>
          <BarChart title={`Tasks per state now${scopeNote(data)}`} bars={TASK_STATUSES.map((status) => ({ label: status.replace('_', ' '), value: counts[status] }))} />
          {capped.length ? <p class="muted">Counted up to {data.count_limit.toLocaleString('en')} each; more in: {capped.join(', ')}.</p> : null}
          <LineChart title="Unfinished tasks over time (since this page opened)" series={live.map((status) => ({ name: status, points: history.map((sample) => ({ at: sample.at, value: sample.values[status] })) }))} />
        </>
      ) : null}
    </Section>
  );
}

function ThroughputPanel({ stats }: { stats: Loaded<TaskStats> }) {
  const data = stats.data;
  const buckets = data?.last_hour.buckets ?? [];
  const totals = bucketTotals(buckets);
  const rate = failureRate(totals.completed, totals.failed);
  return (
    <Section title="Throughput, last hour">
      <Status stats={stats} />
      {data ? (
        <>
          <p class="stat">
            <strong>{totals.created}</strong> created, <strong>{totals.completed}</strong> completed, <strong>{totals.failed}</strong> failed; failure rate <strong>{formatPercent(rate)}</strong>
          </p>
          <p class="chart-title">Tasks per minute</p>
          <LineChart
            title="Tasks per minute"
            series={[
              { name: 'created', points: bucketSeries(buckets, 'created') },
              { name: 'completed', points: bucketSeries(buckets, 'completed') },
              { name: 'failed', points: bucketSeries(buckets, 'failed') },
            ]}
          />
          <p class="chart-title">Failure rate per {RATE_MINUTES} minutes</p>
          <LineChart title={`Failure rate per ${RATE_MINUTES} minutes`} series={[{ name: 'failure rate', points: failureRateSeries(groupBuckets(buckets, RATE_MINUTES)) }]} yMax={1} format={(value) => `${Math.round(value * 100)} %`} />
        </>
      ) : null}
    </Section>
  );
}

function AgentsPanel({ session }: { session: Session }) {
  const agents = useLoad(() => session.client.get('/v1/agents/stats'), 'agents', POLL_MS);
  const data = agents.data;
  return (
    <Section title="Agents">
      <ErrorNote error={agents.error} />
      <Loading loading={agents.loading && !agents.data} />
      {data ? (
        <Donut
          title="Agents by status"
          parts={[
            { label: 'online', value: data.by_status.online },
            { label: 'draining', value: data.by_status.draining },
            { label: 'offline', value: data.by_status.offline },
          ]}
        />
      ) : null}
    </Section>
  );
}
