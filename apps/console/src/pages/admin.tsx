import { useState } from 'preact/hooks';
import { usePaged } from '../api/hooks';
import type { Session } from '../api/session';
import { ErrorNote, Loading, Pager, StatusBadge } from '../components/ui';
import { formatTime, shortId } from '../logic/format';

type AuditAction = 'api_key.create' | 'api_key.rotate' | 'api_key.revoke' | 'api_key.bootstrap' | 'auth.failure' | 'auth.lockout';
type AuditOutcome = 'success' | 'failure' | 'denied';

export function ApiKeysPage({ session }: { session: Session }) {
  const page = usePaged((cursor) => session.client.get('/v1/api-keys', { params: { query: { limit: 50, cursor } } }), 'api-keys');
  return (
    <>
      <h1>API keys</h1>
      <ErrorNote error={page.error} />
      <Loading loading={page.loading && !page.data} />
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">API keys</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Client</th>
              <th scope="col">Scopes</th>
              <th scope="col">State</th>
              <th scope="col">Rate limit</th>
              <th scope="col">Last used</th>
              <th scope="col">Expires</th>
            </tr>
          </thead>
          <tbody>
            {page.data?.data.map((key) => (
              <tr key={key.id}>
                <td>
                  {key.name} <span class="muted mono">{shortId(key.id)}</span>
                </td>
                <td>{key.client_id}</td>
                <td>{key.scopes.join(', ')}</td>
                <td>
                  <StatusBadge status={key.revoked_at ? 'revoked' : key.active ? 'active' : 'inactive'} />
                </td>
                <td>{key.rate_limit_per_minute}/min</td>
                <td>{formatTime(key.last_used_at)}</td>
                <td>{formatTime(key.expires_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager label="API keys" {...page} />
    </>
  );
}

export function AuditLogPage({ session }: { session: Session }) {
  const [action, setAction] = useState('');
  const [outcome, setOutcome] = useState('');
  const page = usePaged(
    (cursor) => session.client.get('/v1/audit-logs', { params: { query: { limit: 50, cursor, action: (action || undefined) as AuditAction | undefined, outcome: (outcome || undefined) as AuditOutcome | undefined } } }),
    `${action}|${outcome}`,
  );
  return (
    <>
      <h1>Audit log</h1>
      <div class="filters card">
        <div>
          <label for="audit-action">Action</label>
          <select id="audit-action" value={action} onChange={(event) => setAction((event.target as HTMLSelectElement).value)}>
            <option value="">any</option>
            {['api_key.create', 'api_key.rotate', 'api_key.revoke', 'api_key.bootstrap', 'auth.failure', 'auth.lockout'].map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="audit-outcome">Outcome</label>
          <select id="audit-outcome" value={outcome} onChange={(event) => setOutcome((event.target as HTMLSelectElement).value)}>
            <option value="">any</option>
            {['success', 'failure', 'denied'].map((value) => (
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
          <caption class="visually-hidden">Audit log, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Action</th>
              <th scope="col">Outcome</th>
              <th scope="col">Client</th>
              <th scope="col">Key</th>
              <th scope="col">Address</th>
            </tr>
          </thead>
          <tbody>
            {page.data?.data.map((entry) => (
              <tr key={entry.id}>
                <td>{formatTime(entry.occurred_at)}</td>
                <td>{entry.action}</td>
                <td>
                  <StatusBadge status={entry.outcome} />
                </td>
                <td>{entry.client_id ?? '—'}</td>
                <td class="mono">{shortId(entry.key_id)}</td>
                <td>{entry.ip ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager label="Audit log" {...page} />
    </>
  );
}
