import { useState } from 'preact/hooks';
import { useLoad, usePaged } from '../api/hooks';
import type { Session } from '../api/session';
import { ActionButton, ErrorNote, Facts, Loading, Pager, Section, StatusBadge } from '../components/ui';
import { can } from '../logic/access';
import { formatAge, formatTime, shortId } from '../logic/format';
import { hrefOf } from '../logic/route';

type DeliveryStatus = 'pending' | 'succeeded' | 'dead_lettered';

export function WebhooksPage({ session }: { session: Session }) {
  const page = usePaged((cursor) => session.client.get('/v1/webhooks', { params: { query: { limit: 50, cursor } } }), 'webhooks', 30_000);
  return (
    <>
      <h1>Webhooks</h1>
      <ErrorNote error={page.error} />
      <Loading loading={page.loading && !page.data} />
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">Webhooks</caption>
          <thead>
            <tr>
              <th scope="col">Endpoint</th>
              <th scope="col">Events</th>
              <th scope="col">Enabled</th>
              <th scope="col">Failing since</th>
            </tr>
          </thead>
          <tbody>
            {page.data?.data.map((webhook) => (
              <tr key={webhook.id}>
                <td>
                  <a href={hrefOf({ page: 'webhook', id: webhook.id })}>{webhook.url}</a>
                </td>
                <td>{webhook.event_types.join(', ')}</td>
                <td>{webhook.enabled ? 'yes' : `no${webhook.disabled_reason ? ` (${webhook.disabled_reason})` : ''}`}</td>
                <td>{webhook.failing_since ? formatAge(webhook.failing_since) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {page.data && page.data.data.length === 0 ? <p class="muted">No webhooks.</p> : null}
      </div>
      <Pager label="Webhooks" {...page} />
    </>
  );
}

export function WebhookPage({ session, id }: { session: Session; id: string }) {
  const [status, setStatus] = useState('');
  const webhook = useLoad(() => session.client.get('/v1/webhooks/{id}', { params: { path: { id } } }), id);
  const deliveries = usePaged(
    (cursor) => session.client.get('/v1/webhooks/{id}/deliveries', { params: { path: { id }, query: { limit: 50, cursor, status: (status || undefined) as DeliveryStatus | undefined } } }),
    `${id}|${status}`,
    15_000,
  );
  const writable = can(session.access, 'webhooks:write');
  const data = webhook.data;
  return (
    <>
      <p>
        <a href={hrefOf({ page: 'webhooks' })}>← Webhooks</a>
      </p>
      <h1>Webhook {shortId(id)}</h1>
      <ErrorNote error={webhook.error} />
      <Loading loading={webhook.loading && !data} />
      {data ? (
        <Section title="Summary">
          <Facts
            items={[
              ['Endpoint', data.url],
              ['Events', data.event_types.join(', ')],
              ['Enabled', data.enabled ? 'yes' : `no${data.disabled_reason ? ` (${data.disabled_reason})` : ''}`],
              ['Failing since', formatTime(data.failing_since)],
              ['Description', data.description || '—'],
            ]}
          />
        </Section>
      ) : null}
      <Section
        title="Deliveries"
        actions={
          <div class="inline-filter">
            <label for="delivery-status">Status</label>
            <select id="delivery-status" value={status} onChange={(event) => setStatus((event.target as HTMLSelectElement).value)}>
              <option value="">any</option>
              <option value="pending">pending</option>
              <option value="succeeded">succeeded</option>
              <option value="dead_lettered">failed (dead-lettered)</option>
            </select>
          </div>
        }
      >
        <ErrorNote error={deliveries.error} />
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Deliveries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last error</th>
                <th scope="col">Created</th>
                {writable ? <th scope="col">Replay</th> : null}
              </tr>
            </thead>
            <tbody>
              {deliveries.data?.data.map((delivery) => (
                <tr key={delivery.id}>
                  <td>{delivery.event_type}</td>
                  <td>
                    <StatusBadge status={delivery.status} />
                  </td>
                  <td>{delivery.attempts}</td>
                  <td>{delivery.last_error ?? '—'}</td>
                  <td>{formatTime(delivery.created_at)}</td>
                  {writable ? (
                    <td>
                      <ActionButton label="Replay" run={() => session.client.post('/v1/webhooks/{id}/deliveries/{deliveryId}/replay', { params: { path: { id, deliveryId: delivery.id } } })} onDone={deliveries.reload} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
          {deliveries.data && deliveries.data.data.length === 0 ? <p class="muted">No deliveries.</p> : null}
        </div>
        <Pager label="Deliveries" {...deliveries} />
      </Section>
    </>
  );
}
