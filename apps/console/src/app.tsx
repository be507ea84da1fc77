import { useEffect, useState } from 'preact/hooks';
import { forgetApiKey, signIn, storedApiKey, type Session } from './api/session';
import { can, type Capability } from './logic/access';
import { hrefOf, parseRoute, type Route } from './logic/route';
import { AgentPage, AgentsPage } from './pages/agents';
import { ApiKeysPage, AuditLogPage } from './pages/admin';
import { OverviewPage } from './pages/overview';
import { SchedulePage, SchedulesPage } from './pages/schedules';
import { SignInPage } from './pages/sign-in';
import { TaskPage } from './pages/task';
import { TasksPage } from './pages/tasks';
import { WebhookPage, WebhooksPage } from './pages/webhooks';

interface NavItem {
  label: string;
  route: Route;
  needs: Capability | null;
  matches: Route['page'][];
}

const NAV: NavItem[] = [
  { label: 'Overview', route: { page: 'overview' }, needs: null, matches: ['overview'] },
  { label: 'Tasks', route: { page: 'tasks' }, needs: 'tasks:read', matches: ['tasks', 'task'] },
  { label: 'Agents', route: { page: 'agents' }, needs: 'agents:read', matches: ['agents', 'agent'] },
  { label: 'Schedules', route: { page: 'schedules' }, needs: 'schedules:read', matches: ['schedules', 'schedule'] },
  { label: 'Webhooks', route: { page: 'webhooks' }, needs: 'webhooks:read', matches: ['webhooks', 'webhook'] },
  { label: 'API keys', route: { page: 'api-keys' }, needs: 'admin', matches: ['api-keys'] },
  { label: 'Audit log', route: { page: 'audit-log' }, needs: 'admin', matches: ['audit-log'] },
];

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}

/** The fragment holds the page, so the skip link moves the focus without following its href. */
function skipToContent(event: Event): void {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

export function App() {
  const [session, setSession] = useState<Session | null>(null);
  const [resuming, setResuming] = useState(() => storedApiKey() !== null);
  const route = useRoute();

  // A reload keeps the tab's key: check it again rather than trust what it allowed before.
  useEffect(() => {
    const key = storedApiKey();
    if (!key) return;
    signIn(key)
      .then((outcome) => {
        if ('session' in outcome) setSession(outcome.session);
        else forgetApiKey();
      })
      .catch(() => forgetApiKey())
      .finally(() => setResuming(false));
  }, []);

  useEffect(() => {
    const item = NAV.find((entry) => entry.matches.includes(route.page));
    document.title = `${item?.label ?? 'Not found'} · AINS console`;
  }, [route]);

  if (resuming) return <p role="status">Signing in…</p>;
  if (!session) return <SignInPage onSignedIn={setSession} />;

  const signOut = () => {
    forgetApiKey();
    setSession(null);
    location.hash = '#/';
  };
  const allowed = NAV.filter((item) => item.needs === null || can(session.access, item.needs));

  return (
    <div class="shell">
      <a class="skip" href="#main" onClick={skipToContent}>
        Skip to content
      </a>
      <header class="topbar">
        <span class="brand">AINS console</span>
        <nav aria-label="Main">
          <ul>
            {allowed.map((item) => (
              <li key={item.label}>
                <a href={hrefOf(item.route)} aria-current={item.matches.includes(route.page) ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <button type="button" class="sign-out" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Page route={route} session={session} />
      </main>
    </div>
  );
}

function Page({ route, session }: { route: Route; session: Session }) {
  const item = NAV.find((entry) => entry.matches.includes(route.page));
  if (item?.needs && !can(session.access, item.needs)) {
    return (
      <section aria-labelledby="denied">
        <h1 id="denied">Not available</h1>
        <p>This API key does not have the scope this page needs ({item.needs}).</p>
      </section>
    );
  }
  switch (route.page) {
    case 'overview':
      return <OverviewPage session={session} />;
    case 'tasks':
      return <TasksPage session={session} />;
    case 'task':
      return <TaskPage session={session} id={route.id} />;
    case 'agents':
      return <AgentsPage session={session} />;
    case 'agent':
      return <AgentPage session={session} id={route.id} />;
    case 'schedules':
      return <SchedulesPage session={session} />;
    case 'schedule':
      return <SchedulePage session={session} id={route.id} />;
    case 'webhooks':
      return <WebhooksPage session={session} />;
    case 'webhook':
      return <WebhookPage session={session} id={route.id} />;
    case 'api-keys':
      return <ApiKeysPage session={session} />;
    case 'audit-log':
      return <AuditLogPage session={session} />;
    case 'not-found':
      return (
        <section aria-labelledby="not-found">
          <h1 id="not-found">Page not found</h1>
          <p>
            <a href="#/">Back to the overview</a>
          </p>
        </section>
      );
  }
}
