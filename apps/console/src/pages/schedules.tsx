import { useLoad, usePaged } from '../api/hooks';
import type { Session } from '../api/session';
import { ActionButton, ErrorNote, Facts, Loading, Pager, Section, StatusBadge } from '../components/ui';
import { can } from '../logic/access';
import { formatAge, formatDuration, formatTime, shortId } from '../logic/format';
import { hrefOf } from '../logic/route';

export function SchedulesPage({ session }: { session: Session }) {
  const page = usePaged((cursor) => session.client.get('/v1/schedules', { params: { query: { limit: 50, cursor } } }), 'schedules', 30_000);
  return (
    <>
      <h1>Schedules</h1>
      <ErrorNote error={page.error} />
      <Loading loading={page.loading && !page.data} />
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">Schedules</caption>
          <thead>
            <tr>
              <th scope="col">Schedule</th>
              <th scope="col">Cron</th>
              <th scope="col">Active</th>
              <th scope="col">Next fire time</th>
              <th scope="col">Runs</th>
              <th scope="col">Last outcome</th>
            </tr>
          </thead>
          <tbody>
            {page.data?.data.map((schedule) => (
              <tr key={schedule.id}>
                <td>
                  <a href={hrefOf({ page: 'schedule', id: schedule.id })}>{schedule.name}</a>
                </td>
                <td class="mono">
                  {schedule.cron_expression} ({schedule.time_zone})
                </td>
                <td>{schedule.active ? 'yes' : 'paused'}</td>
                <td>
                  {formatTime(schedule.next_run_at)} <span class="muted">{schedule.next_run_at ? `(${formatAge(schedule.next_run_at)})` : ''}</span>
                </td>
                <td>
                  {schedule.stats.runs} ({schedule.stats.failures} failed)
                </td>
                <td>{schedule.stats.last_outcome ? <StatusBadge status={schedule.stats.last_outcome} /> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {page.data && page.data.data.length === 0 ? <p class="muted">No schedules.</p> : null}
      </div>
      <Pager label="Schedules" {...page} />
    </>
  );
}

export function SchedulePage({ session, id }: { session: Session; id: string }) {
  const schedule = useLoad(() => session.client.get('/v1/schedules/{id}', { params: { path: { id } } }), id, 30_000);
  const runs = usePaged((cursor) => session.client.get('/v1/schedules/{id}/runs', { params: { path: { id }, query: { limit: 50, cursor } } }), id, 30_000);
  const data = schedule.data;
  return (
    <>
      <p>
        <a href={hrefOf({ page: 'schedules' })}>← Schedules</a>
      </p>
      <h1>{data ? data.name : `Schedule ${shortId(id)}`}</h1>
      <ErrorNote error={schedule.error} />
      <Loading loading={schedule.loading && !data} />
      {data && can(session.access, 'schedules:write') ? (
        <div class="actions">
          <ActionButton label="Run now" run={() => session.client.post('/v1/schedules/{id}/trigger', { params: { path: { id } } })} onDone={runs.reload} />
        </div>
      ) : null}
      {data ? (
        <Section title="Summary">
          <Facts
            items={[
              ['Cron', `${data.cron_expression} (${data.time_zone})`],
              ['Active', data.active ? 'yes' : 'paused'],
              ['Next fire time', formatTime(data.next_run_at)],
              ['Overlap / misfire', `${data.overlap_policy} / ${data.misfire_policy.replace('_', ' ')}`],
              ['Runs', `${data.stats.runs}: ${data.stats.successes} succeeded, ${data.stats.failures} failed, ${data.stats.skipped} skipped`],
              ['Average duration', formatDuration(data.stats.average_duration_ms)],
            ]}
          />
        </Section>
      ) : null}
      <Section title="Run history">
        <ErrorNote error={runs.error} />
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Runs, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Fire time</th>
                <th scope="col">Trigger</th>
                <th scope="col">Status</th>
                <th scope="col">Task</th>
                <th scope="col">Duration</th>
              </tr>
            </thead>
            <tbody>
              {runs.data?.data.map((run) => (
                <tr key={run.id}>
                  <td>{formatTime(run.fire_time)}</td>
                  <td>{run.trigger}</td>
                  <td>
                    <StatusBadge status={run.status} />
                  </td>
                  <td>{run.task_id ? <a href={hrefOf({ page: 'task', id: run.task_id })} class="mono">{shortId(run.task_id)}</a> : '—'}</td>
                  <td>{formatDuration(run.duration_ms)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {runs.data && runs.data.data.length === 0 ? <p class="muted">No runs yet.</p> : null}
        </div>
        <Pager label="Runs" {...runs} />
      </Section>
    </>
  );
}
