import type { TaskDetail } from '@ains/sdk';
import { useLoad } from '../api/hooks';
import type { Session } from '../api/session';
import { RoutingCandidates } from '../components/routing-candidates';
import { TaskGraph } from '../components/task-graph';
import { ActionButton, ErrorNote, Facts, JsonView, Loading, Section, StatusBadge } from '../components/ui';
import { can } from '../logic/access';
import { formatDuration, formatTime, shortId } from '../logic/format';
import { hrefOf } from '../logic/route';
import { routingReason, taskTimeline } from '../logic/timeline';

const CANCELLABLE = new Set(['pending', 'blocked', 'queued', 'assigned', 'running']);
const RETRYABLE = new Set(['failed', 'timed_out', 'cancelled', 'dead_lettered']);
const FINISHED = new Set(['completed', 'failed', 'timed_out', 'cancelled', 'dead_lettered']);
/** The graph shows this many dependencies with their state; a task may have up to 100. */
const GRAPH_DEPENDENCIES = 12;

async function loadStory(session: Session, id: string) {
  const task = await session.client.get('/v1/tasks/{id}', { params: { path: { id } } });
  const [chain, dependencies] = await Promise.all([
    task.chain_id ? session.client.get('/v1/task-chains/{id}', { params: { path: { id: task.chain_id } } }).catch(() => null) : Promise.resolve(null),
    Promise.all(task.depends_on.slice(0, GRAPH_DEPENDENCIES).map((dependency) => session.client.get('/v1/tasks/{id}', { params: { path: { id: dependency } } }).catch(() => null))),
  ]);
  return { task, chain, dependencies: dependencies.filter((dependency): dependency is TaskDetail => dependency !== null) };
}

export function TaskPage({ session, id }: { session: Session; id: string }) {
  const story = useLoad(() => loadStory(session, id), id, 5_000);
  const data = story.data;
  if (!data) {
    return (
      <>
        <h1>Task {shortId(id)}</h1>
        <ErrorNote error={story.error} />
        <Loading loading={story.loading} />
      </>
    );
  }
  const { task, chain } = data;
  const known = new Map(data.dependencies.map((dependency) => [dependency.id, dependency]));
  const writable = can(session.access, 'tasks:write');
  return (
    <>
      <p>
        <a href={hrefOf({ page: 'tasks' })}>← Tasks</a>
      </p>
      <h1>
        Task <span class="mono">{shortId(task.id)}</span> <StatusBadge status={task.status} />
      </h1>
      <ErrorNote error={story.error} />
      {writable ? (
        <div class="actions">
          {CANCELLABLE.has(task.status) ? <ActionButton label="Cancel" confirm="Cancel this task?" run={() => session.client.post('/v1/tasks/{id}/cancel', { params: { path: { id } }, body: { reason: 'cancelled from the console' } })} onDone={story.reload} /> : null}
          {RETRYABLE.has(task.status) ? <ActionButton label="Retry" run={() => session.client.post('/v1/tasks/{id}/retry', { params: { path: { id } } })} onDone={story.reload} /> : null}
        </div>
      ) : null}
      <Section title="Summary">
        <Facts
          items={[
            ['Id', <span class="mono">{task.id}</span>],
            ['Type', task.task_type],
            ['State', task.status_reason ? `${task.status} (${task.status_reason})` : task.status],
            ['Priority', task.effective_priority !== task.priority ? `${task.priority}, now ${task.effective_priority}` : String(task.priority)],
            ['Agent', task.assigned_agent_id ? <a href={hrefOf({ page: 'agent', id: task.assigned_agent_id })} class="mono">{task.assigned_agent_id}</a> : '—'],
            ['Routing asked for', task.routing.strategy ? `strategy ${task.routing.strategy}` : 'the default strategy'],
            ['Attempts', `${task.attempt} of ${task.retry_policy.max_attempts}`],
            ['Created', formatTime(task.created_at)],
            ['Finished', FINISHED.has(task.status) ? formatTime(task.finished_at) : '—'],
            ['Duration', formatDuration(task.duration_ms)],
            ['Timeout', `${task.timeout_seconds} s`],
          ]}
        />
      </Section>
      <Section title="Timeline">
        <ol class="timeline">
          {taskTimeline(task).map((entry, index) => (
            <li key={index} class={`tone-${entry.tone}`}>
              <time dateTime={entry.at}>{formatTime(entry.at)}</time> <strong>{entry.title}</strong>
              {entry.agentId ? (
                <>
                  {' '}
                  on agent{' '}
                  <a href={hrefOf({ page: 'agent', id: entry.agentId })} class="mono">
                    {shortId(entry.agentId)}
                  </a>
                </>
              ) : null}
              {entry.detail ? <span class="muted"> — {entry.detail}</span> : null}
            </li>
          ))}
        </ol>
      </Section>
      <Section title="Attempts">
        {task.attempts.length === 0 ? (
          <p class="muted">No attempt yet.</p>
        ) : (
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">Attempts of this task</caption>
              <thead>
                <tr>
                  <th scope="col">Attempt</th>
                  <th scope="col">Agent</th>
                  <th scope="col">Why this agent</th>
                  <th scope="col">Assigned</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Error</th>
                </tr>
              </thead>
              <tbody>
                {task.attempts.map((attempt) => (
                  <tr key={attempt.attempt}>
                    <td>{attempt.attempt}</td>
                    <td>
                      <a href={hrefOf({ page: 'agent', id: attempt.agent_id })} class="mono">
                        {shortId(attempt.agent_id)}
                      </a>
                    </td>
                    <td class="routing-reason">{routingReason(attempt.routing) ?? 'not recorded'}</td>
                    <td>{formatTime(attempt.assigned_at)}</td>
                    <td>
                      <StatusBadge status={attempt.outcome ?? 'in progress'} />
                    </td>
                    <td>{attempt.error ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
      {task.attempts.some((attempt) => attempt.routing?.candidates.length) ? (
        <Section title="Why this agent">
          {task.attempts.map((attempt) => (attempt.routing?.candidates.length ? <RoutingCandidates key={attempt.attempt} attempt={attempt.attempt} routing={attempt.routing} /> : null))}
        </Section>
      ) : null}
      {task.depends_on.length > 0 || chain ? (
        <Section title={chain ? `Chain: ${chain.name}` : 'Dependencies'}>
          <div class="graph-wrap">
            <TaskGraph
              input={{
                id: task.id,
                taskType: task.task_type,
                status: task.status,
                dependsOn: task.depends_on.slice(0, GRAPH_DEPENDENCIES).map((dependency) => ({ id: dependency, taskType: known.get(dependency)?.task_type ?? null, status: known.get(dependency)?.status ?? null })),
                chainSteps: chain ? chain.steps.map((step) => ({ index: step.index, taskType: step.task_type, taskId: step.task_id, status: step.status })) : [],
              }}
            />
          </div>
          {task.depends_on.length > GRAPH_DEPENDENCIES ? <p class="muted">The first {GRAPH_DEPENDENCIES} of {task.depends_on.length} dependencies.</p> : null}
        </Section>
      ) : null}
      <Section title="Input and result">
        <div class="json-pair">
          <JsonView label="Input" value={task.input} />
          {task.result ? <JsonView label="Result" value={task.result} /> : null}
          {task.progress ? <JsonView label="Progress" value={task.progress} /> : null}
          {task.error ? <JsonView label="Error" value={task.error} /> : null}
        </div>
      </Section>
    </>
  );
}
