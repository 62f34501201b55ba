import { useRef, useState } from 'react';
import { ApiClient, type Fetch } from './api/client';
import { useAuth } from './auth/useAuth';
import { Header } from './components/Header';
import { useCatalogue } from './catalogue';
import { parseRoute, useRoute, type Route } from './router';
import { ComparePage } from './screens/ComparePage';
import { CustomerPage } from './screens/CustomerPage';
import { Customers } from './screens/Customers';
import { Dashboard } from './screens/Dashboard';
import { History } from './screens/History';
import { RunPage } from './screens/RunPage';
import { RunTool } from './screens/RunTool';
import type { ScreenProps } from './screens/screen';
import { SignIn } from './screens/SignIn';

export function App({
  fetch,
  pollIntervalMs,
  assign,
}: {
  fetch?: Fetch;
  pollIntervalMs?: number;
  /** Leaves for the identity provider (tests watch it instead of leaving). */
  assign?: (url: string) => void;
} = {}) {
  const onUnauthorized = useRef<() => void>(() => {});
  const [client] = useState(() => new ApiClient({ fetch, onUnauthorized: () => onUnauthorized.current() }));
  const [route, navigate] = useRoute();
  const auth = useAuth(client, {
    fetch,
    assign,
    onReturn: (path) => {
      const url = new URL(path, window.location.origin);
      navigate(parseRoute(url.pathname, url.search), { replace: true });
    },
  });
  onUnauthorized.current = auth.expire;
  const { session, signOut } = auth;

  const catalogue = useCatalogue(client, session !== null);

  if (!session) return <SignIn client={client} auth={auth} />;

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
  const { client, catalogue, navigate } = props;
  switch (route.name) {
    case 'run':
      return <RunPage key={route.runId} {...props} runId={route.runId} view={route.view} />;
    case 'run-tool':
      return (
        <RunTool
          client={client}
          catalogue={catalogue}
          toolId={route.toolId}
          customerId={route.customerId}
          onChoice={(toolId, customerId) =>
            navigate({ name: 'run-tool', ...(toolId ? { toolId } : {}), ...(customerId ? { customerId } : {}) }, { replace: true })
          }
          onStarted={(runId) => navigate({ name: 'run', runId })}
        />
      );
    case 'compare':
      return (
        <ComparePage
          key={`${route.runId}/${route.withRunId}`}
          {...props}
          runId={route.runId}
          withRunId={route.withRunId}
          view={route.view}
        />
      );
    case 'history':
      return <History {...props} filter={route.filter} />;
    case 'customers':
      return <Customers {...props} route={route} />;
    case 'customer':
      return <CustomerPage key={route.customerId} {...props} route={route} />;
    case 'dashboard':
      return <Dashboard {...props} unknownPath={route.unknownPath} />;
  }
}
