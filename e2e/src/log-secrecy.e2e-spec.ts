import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { waitFor } from '@ains/testing';
import { e2eEnv, gatewayUrl } from './support/stack-env';

const root = resolve(__dirname, '../..');
const logFile = (service: string) => resolve(root, e2eEnv.AINS_STACK_DIR, 'logs', `${service}.log`);
const SERVICES = ['api-gateway', 'webhook-service'];

interface Refusal {
  trigger: string;
  table: string;
  /** Only rows whose `column` starts with `prefix` are refused: the test's own. */
  column: string;
  prefix: string;
  secretColumns: string[];
  /** Server-side file that receives the refused row's secret columns. */
  capture: string;
}

/**
 * Makes PostgreSQL refuse the test's inserts after writing the secret columns of the refused row
 * to a file (COPY to a file is outside the transaction, so it survives the abort): that is how the
 * test learns what must not appear in any log.
 */
async function refuseInserts(db: Client, { trigger, table, column, prefix, secretColumns, capture }: Refusal): Promise<void> {
  const values = secretColumns.map((secret) => `quote_literal(NEW.${secret})`).join(', ');
  await db.query(`
    CREATE OR REPLACE FUNCTION public.${trigger}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
    BEGIN
      IF NEW.${column} LIKE '${prefix}%' THEN
        EXECUTE format('COPY (SELECT %s) TO %L', concat_ws(', ', ${values}), '${capture}');
        RAISE EXCEPTION 'refused by the log-secrecy test';
      END IF;
      RETURN NEW;
    END $$;
    DROP TRIGGER IF EXISTS ${trigger} ON ${table};
    CREATE TRIGGER ${trigger} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION public.${trigger}();`);
}

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${gatewayUrl}${path}`, { method: 'POST', headers: { 'x-api-key': e2eEnv.BOOTSTRAP_ADMIN_API_KEY, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('logs hold no secrets and are JSON, even when an insert of key material fails', () => {
  const db = new Client({ connectionString: e2eEnv.DATABASE_URL });
  const run = randomUUID().slice(0, 8);
  const captures = { apiKey: `/tmp/ains-log-secrecy-${run}-api-key.csv`, webhook: `/tmp/ains-log-secrecy-${run}-webhook.csv` };

  beforeAll(async () => {
    await db.connect();
    const prefix = `log-secrecy-${run}`;
    await refuseInserts(db, { trigger: 'e2e_refuse_api_key', table: 'gateway.api_keys', column: 'name', prefix, secretColumns: ['key_salt', 'key_hash'], capture: captures.apiKey });
    await refuseInserts(db, { trigger: 'e2e_refuse_webhook', table: 'webhook.endpoints', column: 'description', prefix, secretColumns: ['secret_sealed'], capture: captures.webhook });
  });

  afterAll(async () => {
    await db.query('DROP TRIGGER IF EXISTS e2e_refuse_api_key ON gateway.api_keys; DROP TRIGGER IF EXISTS e2e_refuse_webhook ON webhook.endpoints');
    await db.query('DROP FUNCTION IF EXISTS public.e2e_refuse_api_key(); DROP FUNCTION IF EXISTS public.e2e_refuse_webhook()');
    await db.end();
  });

  it('a failed API-key insert and a failed webhook insert leave no key, salt, hash or secret in any log line', async () => {
    const offsets = Object.fromEntries(SERVICES.map((service) => [service, statSync(logFile(service)).size]));

    const key = await post('/v1/api-keys', { name: `log-secrecy-${run}`, client_id: `log-secrecy-${run}`, scopes: ['tasks:read'] });
    const webhook = await post('/v1/webhooks', { url: 'http://127.0.0.1:9/hook', event_types: ['*'], description: `log-secrecy-${run}` });
    // The database refused both: the caller learns only that it failed.
    expect(key.status).toBe(500);
    expect(webhook.status).toBe(500);
    const requestIds = [key.headers.get('x-request-id'), webhook.headers.get('x-request-id')];

    const secrets = (await db.query<{ content: string }>('SELECT pg_read_file($1) || pg_read_file($2) AS content', [captures.apiKey, captures.webhook])).rows[0].content
      .split(/[\n\t]/)
      .filter((value) => value.length >= 16);
    expect(secrets).toHaveLength(3);

    const newLines = () => SERVICES.flatMap((service) => readFileSync(logFile(service)).subarray(offsets[service]).toString('utf8').split('\n').filter(Boolean));
    // Each failure is logged (with the request id), so the test reads the lines that matter.
    const lines = await waitFor(() => {
      const written = newLines();
      return requestIds.every((id) => written.some((line) => line.includes(`"requestId":"${id}"`) && line.includes('"level":"error"'))) && written;
    }, { timeoutMs: 10_000, description: 'the failed requests to be logged' });

    for (const line of lines) {
      expect(() => JSON.parse(line) as unknown).not.toThrow();
      for (const secret of secrets) expect(line).not.toContain(secret);
    }
  });
});
