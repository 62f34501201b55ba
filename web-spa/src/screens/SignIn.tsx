import { useState, type FormEvent } from 'react';
import { asApiError, type ApiClient, type ApiError } from '../api/client';
import type { Session } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';

export function SignIn({
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
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
