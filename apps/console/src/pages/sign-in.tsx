import { useState } from 'preact/hooks';
import { signIn, type Session } from '../api/session';

export function SignInPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    signIn(key.trim()).then(
      (outcome) => {
        setBusy(false);
        if ('session' in outcome) onSignedIn(outcome.session);
        else setError(outcome.refused);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(String(failure));
      },
    );
  };

  return (
    <main class="sign-in" id="main">
      <form onSubmit={submit} class="card" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">AINS console</h1>
        <p class="muted">Sign in with an API key. It is kept in this browser tab only and forgotten when the tab closes.</p>
        <label for="api-key">API key</label>
        <input id="api-key" name="api-key" type="password" autocomplete="off" spellcheck={false} required value={key} onInput={(event) => setKey((event.target as HTMLInputElement).value)} aria-describedby={error ? 'sign-in-error' : undefined} />
        <button type="submit" disabled={busy || key.trim() === ''}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        {error ? (
          <p id="sign-in-error" class="error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </main>
  );
}
