import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiClient, type Fetch } from './api/client';
import type { Session } from './api/types';
import { SignIn } from './components/SignIn';
import { Header } from './components/Header';
import { RunTool } from './components/RunTool';
import { RunPage } from './components/RunPage';
import { useCatalogue } from './catalogue';
import { useRoute } from './router';

export function App({ fetch, pollIntervalMs }: { fetch?: Fetch; pollIntervalMs?: number } = {}) {
  const [session, setSession] = useState<Session | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const onUnauthorized = useRef<() => void>(() => {});
  const [client] = useState(() => new ApiClient({ fetch, onUnauthorized: () => onUnauthorized.current() }));
  const [route, navigate] = useRoute();

  useEffect(() => {
    onUnauthorized.current = () => {
      setSession(null);
      setNotice('Your session has ended. Please sign in again.');
    };
  }, []);

  const signOut = useCallback(() => {
    client.setToken(null);
    setSession(null);
    setNotice('You are signed out.');
  }, [client]);

  const catalogue = useCatalogue(client, session !== null);

  if (!session) {
    return (
      <SignIn
        client={client}
        notice={notice}
        onSignedIn={(s) => {
          setNotice(null);
          setSession(s);
        }}
      />
    );
  }

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header session={session} onSignOut={signOut} onHome={() => navigate({ name: 'run-tool' })} />
      <main id="main" className="page">
        {route.name === 'run' ? (
          <RunPage
            key={route.runId}
            client={client}
            runId={route.runId}
            pollIntervalMs={pollIntervalMs}
            catalogue={catalogue}
            onNewRun={() => navigate({ name: 'run-tool' })}
          />
        ) : (
          <RunTool client={client} catalogue={catalogue} onStarted={(runId) => navigate({ name: 'run', runId })} />
        )}
      </main>
    </>
  );
}
