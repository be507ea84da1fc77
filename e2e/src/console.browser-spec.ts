import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AinsAgent } from '@ains/agent-sdk';
import { AinsClient } from '@ains/sdk';
import { waitFor } from '@ains/testing';
import { adminKey, createApiKey, type TestApiKey } from './support/auth';
import { gatewayUrl } from './support/stack-env';

/**
 * The operator console (`/console`) in Chromium, against the single-process mode. Every page the
 * tests visit is also saved as a screenshot in .data/console-screenshots (docs/console.md shows a
 * selection of them).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = resolve(__dirname, '../../.data/console-screenshots');
const CONSOLE_URL = `${gatewayUrl}/console/`;
const ADMIN_PATHS = ['/v1/api-keys', '/v1/audit-logs', '/v1/routing/queue'];

describe('operator console', () => {
  let browser: Browser;
  const workers: AinsAgent[] = [];
  const admin = new AinsClient({ url: gatewayUrl, apiKey: adminKey });
  let operator: TestApiKey;
  let ains: AinsClient;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    operator = await createApiKey({ scopes: ['tasks:read', 'tasks:write', 'agents:read', 'agents:write', 'trust:read', 'schedules:read', 'schedules:write', 'webhooks:read', 'webhooks:write'] });
    ains = new AinsClient({ url: gatewayUrl, apiKey: operator.key });
  });

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await browser?.close();
  });

  /** A fresh browser context per test: nothing carries over but what the test does. */
  async function openConsole(): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, colorScheme: 'dark' });
    const page = await context.newPage();
    const problems: string[] = [];
    // Refusals (401, 403, 404) are expected answers; any other error, a CSP violation or a script
    // error, means the page is not what it should be.
    page.on('console', (message) => {
      if (message.type() === 'error' && !/status of 40[134]/.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(CONSOLE_URL);
    return { context, page, problems };
  }

  async function signIn(page: Page, key: string): Promise<void> {
    await page.getByLabel('API key').fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  async function shoot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  async function startAgent(clientId: string, taskType: string): Promise<string> {
    const agent = await admin.post('/v1/agents', { body: { display_name: `console-${taskType}`, tags: [taskType], capabilities: [{ name: 'python', version: '3.12.1' }], max_concurrency: 4 } });
    const key = await createApiKey({ scopes: ['agent:work'], agentId: agent.id, clientId });
    const worker = new AinsAgent({ url: gatewayUrl, apiKey: key.key, agentId: agent.id, concurrency: 2, claimWaitMs: 500, handleSignals: false });
    worker.handle(taskType, (input) => ({ summary: `read ${JSON.stringify(input).length} characters` }));
    await worker.start();
    workers.push(worker);
    return agent.id;
  }

  it('is served with a strict Content-Security-Policy, fresh pages and immutable assets', async () => {
    const page = await fetch(CONSOLE_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const script = /src="(assets\/app\.[0-9a-f]{16}\.js)"/.exec(html)?.[1];
    const asset = await fetch(`${CONSOLE_URL}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${CONSOLE_URL}assets/..%2fmain.js`)).status).toBe(404);
    expect((await fetch(`${gatewayUrl}/console`, { redirect: 'manual' })).headers.get('location')).toBe('/console/');
  });

  it('refuses an invalid key and keeps nothing of it', async () => {
    const { context, page, problems } = await openConsole();
    await shoot(page, 'sign-in');
    await signIn(page, `ains_${'0'.repeat(16)}_${'A'.repeat(43)}`);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('refused');
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { sessionStorage: { length: number } }).sessionStorage.length)).toBe(0);
    expect(await context.cookies()).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('signs in, shows a task submitted through the API, and tells its story once an agent completed it', async () => {
    const taskType = `console.summary-${randomUUID().slice(0, 8)}`;
    const agentId = await startAgent(operator.clientId, taskType);
    const { context, page, problems } = await openConsole();
    await signIn(page, operator.key);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    // The key stays in the tab: not in the address, not in a cookie.
    expect(page.url()).not.toContain(operator.key);
    expect(await context.cookies()).toEqual([]);

    const task = await ains.post('/v1/tasks', { body: { task_type: taskType, priority: 7, input: { text: 'The quarterly report, in short.' }, routing: { required_tags: [taskType] } } });
    await ains.waitForTask(task.id, { timeoutMs: 60_000 });

    await page.getByRole('link', { name: 'Tasks', exact: true }).click();
    const row = page.getByRole('link', { name: task.id.slice(0, 8) });
    await row.waitFor();
    await shoot(page, 'tasks');
    await row.click();
    await page.getByText('attempt 1: completed').waitFor();
    const attempts = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Why this agent' }) });
    await expect(attempts.locator('.routing-reason').first().textContent()).resolves.toMatch(/^strategy [a-z_]+, chosen among \d+ capable agents?$/);
    await expect(attempts.getByRole('link', { name: agentId.slice(0, 8) }).count()).resolves.toBe(1);
    // Why this agent: the candidates routing ranked, with their scores, the chosen one marked.
    const why = page.getByRole('region', { name: 'Why this agent' });
    await expect(why.locator('caption').first().textContent()).resolves.toMatch(/^Attempt 1: strategy [a-z_]+, (all|the best) \d+ (of \d+ )?capable agents?\. Score: .+; higher is preferred\.$/);
    const chosen = why.getByRole('row').filter({ hasText: 'chosen' });
    await expect(chosen.count()).resolves.toBe(1);
    await expect(chosen.getByRole('link', { name: agentId.slice(0, 8) }).count()).resolves.toBe(1);
    await expect(chosen.getByRole('cell').nth(2).textContent()).resolves.toMatch(/^ ?(0|1)(\.\d+)?$/);
    await expect(chosen.getByRole('cell').nth(3).textContent()).resolves.toMatch(/active tasks|trust|avg completion ms|position/);
    await expect(page.getByLabel('Result', { exact: true }).textContent()).resolves.toContain('"summary"');
    await shoot(page, 'task');

    // A task that waited for the first one: its page draws the dependency and links back.
    const next = await ains.post('/v1/tasks', { body: { task_type: taskType, input: { text: 'And the follow-up.' }, depends_on: [task.id], routing: { required_tags: [taskType] } } });
    await ains.waitForTask(next.id, { timeoutMs: 60_000 });
    await page.goto(`${CONSOLE_URL}#/tasks/${next.id}`);
    await page.getByRole('group', { name: 'Depends on 1 task(s)' }).getByRole('link', { name: `${taskType}, completed` }).waitFor();
    await shoot(page, 'task-dependencies');

    // Work no agent takes waits in the queue, which the overview charts by priority.
    for (const priority of [9, 5, 5]) await ains.post('/v1/tasks', { body: { task_type: 'console.waiting', priority, routing: { required_tags: ['console-no-such-agent'] } } });
    await page.getByRole('link', { name: 'Overview', exact: true }).click();
    await page.getByRole('img', { name: /Queued tasks by effective priority: P10 0, P9 1,/ }).waitFor();
    await page.getByRole('img', { name: /Oldest queued task's wait by effective priority, in seconds: P10 0 s, P9 \d+ s,/ }).waitFor();
    await page.getByRole('img', { name: /Tasks per state now: pending 0, blocked 0, queued [1-9]\d*, .*completed [1-9]/ }).waitFor();
    await page.getByRole('img', { name: /Tasks per minute, latest: created \d+, completed \d+, failed \d+/ }).waitFor();
    await page.getByRole('img', { name: /Failure rate per 5 minutes, latest: failure rate 0 %/ }).waitFor();
    // Counted by the fleet statistics: the agent registered above is online.
    await page.getByRole('img', { name: /Agents by status: online [1-9]\d*, draining \d+, offline \d+/ }).waitFor();
    await shoot(page, 'overview');

    await page.getByRole('link', { name: 'Agents', exact: true }).click();
    await page.getByRole('link', { name: `console-${taskType}` }).click();
    await page.getByRole('button', { name: 'Drain' }).waitFor();
    await page.getByRole('img', { name: /Trust score/ }).waitFor();
    await waitFor(async () => (await page.getByRole('table').locator('tbody tr').count()) > 0, { timeoutMs: 30_000, description: 'the trust audit trail' });
    await shoot(page, 'agent');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows an admin the API keys, the audit log, schedules and webhooks', async () => {
    await admin.post('/v1/schedules', { body: { name: 'nightly report', cron_expression: '0 2 * * *', time_zone: 'Europe/Paris', task: { task_type: 'console.report' } } });
    await admin.post('/v1/webhooks', { body: { url: 'http://127.0.0.1:9/hook', event_types: ['ains.task.completed.v1'] } });
    const { context, page, problems } = await openConsole();
    await signIn(page, adminKey);
    for (const [link, name, text] of [
      ['API keys', 'api-keys', operator.clientId],
      ['Audit log', 'audit-log', 'api_key.create'],
      ['Schedules', 'schedules', 'nightly report'],
      ['Webhooks', 'webhooks', 'http://127.0.0.1:9/hook'],
      ['Agents', 'agents', 'console-'],
    ] as const) {
      await page.getByRole('link', { name: link, exact: true }).click();
      await page.locator('main tbody').getByText(text).first().waitFor();
      await shoot(page, name);
    }
    await page.getByRole('link', { name: 'Overview', exact: true }).click();
    for (const chart of [/Queued tasks by effective priority/, /Tasks per state now \(all tenants\)/, /Tasks per minute/, /Failure rate per 5 minutes/, /Agents by status/]) await page.getByRole('img', { name: chart }).waitFor();
    await shoot(page, 'overview-admin');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('gives a key with only tasks:read no admin page and no admin data', async () => {
    const reader = await createApiKey({ scopes: ['tasks:read'] });
    const { context, page, problems } = await openConsole();
    const adminAnswers: number[] = [];
    const taskReads: string[] = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (ADMIN_PATHS.some((path) => url.pathname.startsWith(path))) adminAnswers.push(response.status());
      if (url.pathname.startsWith('/v1/tasks')) taskReads.push(`${url.pathname}${url.search} ${response.status()}`);
    });
    await signIn(page, reader.key);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Tasks' }).waitFor();
    await expect(nav.getByRole('link').allTextContents()).resolves.toEqual(['Overview', 'Tasks']);
    await page.getByRole('img', { name: /Tasks per state now/ }).waitFor();
    // The overview reads the statistics, not pages of the task list.
    expect(taskReads).toContain('/v1/tasks/stats 200');
    expect(taskReads.filter((read) => read.startsWith('/v1/tasks?') && !read.startsWith('/v1/tasks?limit=1 '))).toEqual([]);
    for (const hash of ['#/api-keys', '#/audit-log', '#/agents']) {
      await page.goto(`${CONSOLE_URL}${hash}`);
      await page.getByRole('heading', { name: 'Not available' }).waitFor();
    }
    await shoot(page, 'not-available');
    // Signing in asked once whether the key is an admin (403); nothing admin ever came back.
    expect(adminAnswers.length).toBeGreaterThan(0);
    expect(adminAnswers.every((status) => status === 403)).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('signs in by keyboard alone and fits a phone screen', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(CONSOLE_URL);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.id')).toBe('api-key');
    await page.keyboard.type(operator.key);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    // The first stop is the skip link, which moves the focus past the navigation.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).toBe('main');
    await page.getByRole('img', { name: /Tasks per state now/ }).waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shoot(page, 'overview-phone');
    await context.close();
  });

  it('shows a task input holding markup as text and never runs it', async () => {
    const payload = '<script>window.__injected = 1</script><img src=x onerror="window.__injected = 2">';
    const task = await ains.post('/v1/tasks', { body: { task_type: 'console.markup', input: { html: payload } } });
    const { context, page, problems } = await openConsole();
    await signIn(page, operator.key);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.goto(`${CONSOLE_URL}#/tasks/${task.id}`);
    const input = page.getByLabel('Input', { exact: true });
    await expect(input.textContent()).resolves.toContain(JSON.stringify(payload).slice(1, -1));
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { __injected?: number }).__injected)).toBeUndefined();
    await shoot(page, 'task-markup');
    expect(problems).toEqual([]);
    await context.close();
  });
});
