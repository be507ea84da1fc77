import { useState } from 'preact/hooks';
import { useLoad, usePaged } from '../api/hooks';
import type { Session } from '../api/session';
import { LineChart } from '../components/charts';
import { ActionButton, ErrorNote, Facts, Loading, Pager, Section, StatusBadge } from '../components/ui';
import { can } from '../logic/access';
import { formatAge, formatDuration, formatPercent, formatTime, shortId } from '../logic/format';
import { hrefOf } from '../logic/route';

const PAGE_SIZE = 25;
type AgentStatus = 'online' | 'offline' | 'draining' | 'deregistered';

interface Trust {
  score: number;
  tier: string;
}

/**
 * Agents with their trust: the list has no trust fields, so the leaderboard (top 100) supplies
 * most of them and the agent read the rest of this page's.
 */
async function loadAgentsPage(session: Session, status: string, cursor: string | undefined) {
  const page = await session.client.get('/v1/agents', { params: { query: { limit: PAGE_SIZE, cursor, status: (status || undefined) as AgentStatus | undefined } } });
  const trust = new Map<string, Trust>();
  if (can(session.access, 'trust:read')) {
    const board = await session.client.get('/v1/trust/leaderboard', { params: { query: { limit: 100 } } }).catch(() => null);
    for (const entry of board?.data ?? []) trust.set(entry.agent_id, entry);
  }
  const missing = page.data.filter((agent) => !trust.has(agent.id));
  const details = await Promise.all(missing.map((agent) => session.client.get('/v1/agents/{id}', { params: { path: { id: agent.id } } }).catch(() => null)));
  for (const detail of details) if (detail?.trust) trust.set(detail.id, detail.trust);
  return { data: page.data.map((agent) => ({ ...agent, trust: trust.get(agent.id) ?? null })), next_cursor: page.next_cursor };
}

export function AgentsPage({ session }: { session: Session }) {
  const [status, setStatus] = useState('');
  const page = usePaged((cursor) => loadAgentsPage(session, status, cursor), status, 10_000);
  return (
    <>
      <h1>Agents</h1>
      <div class="filters card">
        <div>
          <label for="agent-status">Status</label>
          <select id="agent-status" value={status} onChange={(event) => setStatus((event.target as HTMLSelectElement).value)}>
            <option value="">any</option>
            {['online', 'draining', 'offline', 'deregistered'].map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorNote error={page.error} />
      <Loading loading={page.loading && !page.data} />
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">Agents</caption>
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col">Status</th>
              <th scope="col">Trust tier</th>
              <th scope="col">Score</th>
              <th scope="col">Load</th>
              <th scope="col">Success rate</th>
              <th scope="col">Avg completion</th>
              <th scope="col">Last heartbeat</th>
            </tr>
          </thead>
          <tbody>
            {page.data?.data.map((agent) => (
              <tr key={agent.id}>
                <td>
                  <a href={hrefOf({ page: 'agent', id: agent.id })}>{agent.display_name}</a>
                </td>
                <td>
                  <StatusBadge status={agent.status} />
                </td>
                <td>{agent.trust?.tier.replace('_', ' ') ?? '—'}</td>
                <td>{agent.trust ? agent.trust.score.toFixed(3) : '—'}</td>
                <td>
                  <meter min={0} max={1} value={agent.load.utilisation} aria-label={`load of ${agent.display_name}`} /> {agent.load.active_tasks}/{agent.load.max_concurrency}
                </td>
                <td>{formatPercent(agent.metrics.success_rate)}</td>
                <td>{formatDuration(agent.metrics.avg_completion_ms)}</td>
                <td>{formatAge(agent.last_heartbeat_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {page.data && page.data.data.length === 0 ? <p class="muted">No agents.</p> : null}
      </div>
      <Pager label="Agents" {...page} />
    </>
  );
}

export function AgentPage({ session, id }: { session: Session; id: string }) {
  const agent = useLoad(() => session.client.get('/v1/agents/{id}', { params: { path: { id } } }), id, 10_000);
  const trustReadable = can(session.access, 'trust:read');
  const data = agent.data;
  return (
    <>
      <p>
        <a href={hrefOf({ page: 'agents' })}>← Agents</a>
      </p>
      <h1>
        {data ? data.display_name : `Agent ${shortId(id)}`} {data ? <StatusBadge status={data.status} /> : null}
      </h1>
      <ErrorNote error={agent.error} />
      <Loading loading={agent.loading && !data} />
      {data && can(session.access, 'agents:write') ? (
        <div class="actions">
          {data.status === 'online' ? <ActionButton label="Drain" confirm="Stop giving this agent new tasks?" run={() => session.client.post('/v1/agents/{id}/drain', { params: { path: { id } } })} onDone={agent.reload} /> : null}
          {data.status === 'draining' ? <ActionButton label="Resume" run={() => session.client.post('/v1/agents/{id}/resume', { params: { path: { id } } })} onDone={agent.reload} /> : null}
        </div>
      ) : null}
      {data ? (
        <Section title="Summary">
          <Facts
            items={[
              ['Id', <span class="mono">{data.id}</span>],
              ['Tags', data.tags.join(', ') || '—'],
              ['Capabilities', data.capabilities.map((capability) => `${capability.name} ${capability.version}`).join(', ') || '—'],
              ['Trust', data.trust ? `${data.trust.score.toFixed(3)} (${data.trust.tier.replace('_', ' ')})` : '—'],
              ['Load', `${data.load.active_tasks} of ${data.load.max_concurrency}`],
              ['Completed / failed / timed out', `${data.metrics.completed} / ${data.metrics.failed} / ${data.metrics.timed_out}`],
              ['Success rate', formatPercent(data.metrics.success_rate)],
              ['Avg completion', formatDuration(data.metrics.avg_completion_ms)],
              ['Last heartbeat', formatAge(data.last_heartbeat_at)],
              ['Registered', formatTime(data.registered_at)],
            ]}
          />
        </Section>
      ) : null}
      {trustReadable ? <TrustHistory session={session} id={id} /> : null}
    </>
  );
}

function TrustHistory({ session, id }: { session: Session; id: string }) {
  const page = usePaged((cursor) => session.client.get('/v1/agents/{id}/trust/history', { params: { path: { id }, query: { limit: 100, cursor } } }), id);
  const entries = page.data?.data ?? [];
  const points = [...entries].reverse().map((entry) => ({ at: Date.parse(entry.created_at), value: entry.score_after }));
  return (
    <>
      <Section title="Trust history">
        <LineChart title="Trust score" series={[{ name: 'score', points }]} yMax={1} format={(value) => value.toFixed(2)} />
      </Section>
      <Section title="Audit trail">
        <ErrorNote error={page.error} />
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Trust changes of this agent, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Event</th>
                <th scope="col">Change</th>
                <th scope="col">Score</th>
                <th scope="col">Reason</th>
                <th scope="col">Task</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatTime(entry.created_at)}</td>
                  <td>{entry.event_type}</td>
                  <td>{entry.delta >= 0 ? `+${entry.delta.toFixed(3)}` : entry.delta.toFixed(3)}</td>
                  <td>
                    {entry.score_before === null ? '—' : entry.score_before.toFixed(3)} → {entry.score_after.toFixed(3)}
                  </td>
                  <td>{entry.reason}</td>
                  <td>{entry.task_id ? <a href={hrefOf({ page: 'task', id: entry.task_id })} class="mono">{shortId(entry.task_id)}</a> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {page.data && entries.length === 0 ? <p class="muted">No trust changes yet.</p> : null}
        </div>
        <Pager label="Audit trail" {...page} />
      </Section>
    </>
  );
}
