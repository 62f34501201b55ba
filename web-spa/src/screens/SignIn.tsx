import { useState, type FormEvent, type ReactNode } from 'react';
import { asApiError, type ApiClient, type ApiError } from '../api/client';
import type { Session } from '../api/types';
import type { Auth } from '../auth/useAuth';
import { BusyButton } from '../components/BusyButton';
import { ErrorNotice } from '../components/ErrorNotice';

/** The first screen: the dev form locally, the identity provider's sign-in in AWS (config.json). */
export function SignIn({ client, auth }: { client: ApiClient; auth: Auth }) {
  const { config, configError, notice } = auth;
  if (configError) {
    return (
      <Card notice={notice}>
        <div className="notice notice-error" role="alert">
          <p className="notice-title">Sign-in is not available</p>
          <p>{configError}</p>
          <button type="button" className="button-secondary" onClick={auth.retryConfig}>
            Try again
          </button>
        </div>
      </Card>
    );
  }
  if (!config) {
    return (
      <Card notice={notice}>
        <p role="status">Getting sign-in ready…</p>
      </Card>
    );
  }
  if (config.mode === 'dev') return <DevSignIn client={client} notice={notice} onSignedIn={auth.signedIn} />;
  return (
    <Card notice={notice}>
      {auth.error && (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">Sign-in did not work</p>
          <p>{auth.error}</p>
        </div>
      )}
      {auth.busy ? (
        <p role="status">Signing you in…</p>
      ) : (
        <>
          <p>You sign in with your Bookmarked work account.</p>
          <button type="button" className="button-primary" onClick={auth.signInWithProvider} autoFocus>
            Sign in
          </button>
        </>
      )}
    </Card>
  );
}

function Card({ notice, children }: { notice: string | null; children: ReactNode }) {
  return (
    <main className="signin" id="main">
      <section className="card signin-card" aria-labelledby="signin-title">
        <h1 id="signin-title">Customer Data Tools</h1>
        <p className="muted">Sign in to diagnose a district's roster data.</p>
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        {children}
      </section>
    </main>
  );
}

function DevSignIn({
  client,
  notice,
  onSignedIn,
}: {
  client: ApiClient;
  notice: string | null;
  onSignedIn: (session: Session) => void;
}) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!username.trim() || !password) {
      setMissing(true);
      document.getElementById(username.trim() ? 'password' : 'username')?.focus();
      return;
    }
    setMissing(false);
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await client.login(username.trim(), password));
    } catch (e) {
      setError(asApiError(e));
      setBusy(false);
      const password = document.getElementById('password') as HTMLInputElement | null;
      password?.focus();
      password?.select();
    }
  }

  return (
    <main className="signin" id="main">
      <form className="card signin-card" onSubmit={submit} noValidate aria-labelledby="signin-title">
        <h1 id="signin-title">Customer Data Tools</h1>
        <p className="muted">Sign in to diagnose a district's roster data.</p>
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        {error && <ErrorNotice error={error} />}
        {missing && (
          <p className="field-error" role="alert">
            Enter your username and password.
          </p>
        )}
        <div className="field">
          <label htmlFor="username">Username</label>
          <input
            id="username"
            name="username"
            autoComplete="username"
            autoFocus
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <BusyButton type="submit" className="button-primary" busy={busy} busyLabel="Signing in…">
          Sign in
        </BusyButton>
      </form>
    </main>
  );
}
