import type { TaskStatus } from '@ains/sdk';
import { useState } from 'preact/hooks';
import { TASK_STATUSES } from '../api/task-statuses';
import { usePaged } from '../api/hooks';
import type { Session } from '../api/session';
import { ErrorNote, Loading, Pager, StatusBadge } from '../components/ui';
import { formatDuration, formatTime, shortId } from '../logic/format';
import { hrefOf } from '../logic/route';

interface Filters {
  status: string;
  task_type: string;
  priority_min: string;
  priority_max: string;
  agent_id: string;
  created_after: string;
  created_before: string;
}

const EMPTY: Filters = { status: '', task_type: '', priority_min: '', priority_max: '', agent_id: '', created_after: '', created_before: '' };
const PAGE_SIZE = 50;

/** `datetime-local` values are the viewer's local time; the API takes ISO instants. */
const instant = (local: string) => (local ? new Date(local).toISOString() : undefined);

export function TasksPage({ session }: { session: Session }) {
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const page = usePaged(
    (cursor) =>
      session.client.get('/v1/tasks', {
        params: {
          query: {
            limit: PAGE_SIZE,
            cursor,
            status: (filters.status || undefined) as TaskStatus | undefined,
            task_type: filters.task_type || undefined,
            priority_min: filters.priority_min ? Number(filters.priority_min) : undefined,
            priority_max: filters.priority_max ? Number(filters.priority_max) : undefined,
            agent_id: filters.agent_id || undefined,
            created_after: instant(filters.created_after),
            created_before: instant(filters.created_before),
          },
        },
      }),
    JSON.stringify(filters),
  );
  const field = (name: keyof Filters) => ({
    id: `filter-${name}`,
    name,
    value: draft[name],
    onInput: (event: Event) => setDraft({ ...draft, [name]: (event.target as HTMLInputElement).value }),
  });

  return (
    <>
      <h1>Tasks</h1>
      <form
        class="filters card"
        aria-label="Filter tasks"
        onSubmit={(event) => {
          event.preventDefault();
          setFilters(draft);
        }}
      >
        <div>
          <label for="filter-status">State</label>
          <select {...field('status')} onChange={field('status').onInput}>
            <option value="">any</option>
            {TASK_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status.replace('_', ' ')}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="filter-task_type">Type</label>
          <input {...field('task_type')} placeholder="e.g. summarize" />
        </div>
        <div>
          <label for="filter-priority_min">Priority from</label>
          <input {...field('priority_min')} type="number" min={1} max={10} />
        </div>
        <div>
          <label for="filter-priority_max">Priority to</label>
          <input {...field('priority_max')} type="number" min={1} max={10} />
        </div>
        <div>
          <label for="filter-agent_id">Agent id</label>
          <input {...field('agent_id')} placeholder="UUID" />
        </div>
        <div>
          <label for="filter-created_after">Created after</label>
          <input {...field('created_after')} type="datetime-local" />
        </div>
        <div>
          <label for="filter-created_before">Created before</label>
          <input {...field('created_before')} type="datetime-local" />
        </div>
        <div class="filter-buttons">
          <button type="submit">Apply</button>
          <button
            type="button"
            onClick={() => {
              setDraft(EMPTY);
              setFilters(EMPTY);
            }}
          >
            Clear
          </button>
        </div>
      </form>
      <ErrorNote error={page.error} />
      <Loading loading={page.loading && !page.data} />
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">Tasks, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Task</th>
              <th scope="col">Type</th>
              <th scope="col">State</th>
              <th scope="col">Priority</th>
              <th scope="col">Agent</th>
              <th scope="col">Attempt</th>
              <th scope="col">Created</th>
              <th scope="col">Duration</th>
            </tr>
          </thead>
          <tbody>
            {page.data?.data.map((task) => (
              <tr key={task.id}>
                <td>
                  <a href={hrefOf({ page: 'task', id: task.id })} class="mono">
                    {shortId(task.id)}
                  </a>
                </td>
                <td>{task.task_type}</td>
                <td>
                  <StatusBadge status={task.status} />
                </td>
                <td>{task.effective_priority !== task.priority ? `${task.priority} → ${task.effective_priority}` : task.priority}</td>
                <td class="mono">{task.assigned_agent_id ? <a href={hrefOf({ page: 'agent', id: task.assigned_agent_id })}>{shortId(task.assigned_agent_id)}</a> : '—'}</td>
                <td>{task.attempt}</td>
                <td>{formatTime(task.created_at)}</td>
                <td>{formatDuration(task.duration_ms)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {page.data && page.data.data.length === 0 ? <p class="muted">No tasks match.</p> : null}
      </div>
      <Pager label="Tasks" {...page} />
    </>
  );
}
