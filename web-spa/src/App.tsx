import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiClient, type Fetch } from './api/client';
import type { Session } from './api/types';
import { Header } from './components/Header';
import { useCatalogue } from './catalogue';
import { useRoute, type Route } from './router';
import { ComparePage } from './screens/ComparePage';
import { CustomerPage } from './screens/CustomerPage';
import { Customers } from './screens/Customers';
import { Dashboard } from './screens/Dashboard';
import { History } from './screens/History';
import { RunPage } from './screens/RunPage';
import { RunTool } from './screens/RunTool';
import type { ScreenProps } from './screens/screen';
import { SignIn } from './screens/SignIn';

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

  const screen: ScreenProps = { client, session, catalogue, navigate, pollIntervalMs };
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header session={session} onSignOut={signOut} route={route} navigate={navigate} />
      <main id="main" className="page">
        <Screen route={route} {...screen} />
      </main>
    </>
  );
}

function Screen({ route, ...props }: ScreenProps & { route: Route }) {
  const { client, catalogue, navigate, pollIntervalMs } = props;
  switch (route.name) {
    case 'run':
      return (
        <RunPage
          key={route.runId}
          client={client}
          runId={route.runId}
          pollIntervalMs={pollIntervalMs}
          catalogue={catalogue}
          onNewRun={() => navigate({ name: 'run-tool' })}
        />
      );
    case 'run-tool':
      return <RunTool client={client} catalogue={catalogue} onStarted={(runId) => navigate({ name: 'run', runId })} />;
    case 'compare':
      return <ComparePage key={`${route.runId}/${route.withRunId}`} {...props} />;
    case 'history':
      return <History {...props} />;
    case 'customers':
      return <Customers {...props} route={route} />;
    case 'customer':
      return <CustomerPage key={route.customerId} {...props} route={route} />;
    case 'dashboard':
      return <Dashboard {...props} />;
  }
}
