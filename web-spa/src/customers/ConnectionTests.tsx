import { useState } from 'react';
import { asApiError, type ApiClient, type ApiError } from '../api/client';
import { connectorLabel, testConnection, type ConnectionTest, type ConnectorTestRecord } from '../api/customers';
import { BusyButton } from '../components/BusyButton';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatTime } from '../format';

interface TestState {
  busy: boolean;
  result?: ConnectionTest;
  error?: ApiError;
}

/**
 * One "Test connection" per connector that serves the customer: the latest recorded test first,
 * then, after a click, the verdict and every check made (they stop at the first failure, so the
 * last one listed is what to fix).
 */
export function ConnectionTests({
  client,
  customerId,
  connectors,
  lastTests,
  onTested,
}: {
  client: ApiClient;
  customerId: string;
  connectors: string[];
  lastTests: ConnectorTestRecord[];
  onTested: (connector: string, result: ConnectionTest) => void;
}) {
  const [states, setStates] = useState<Record<string, TestState>>({});

  async function run(connector: string) {
    setStates((s) => ({ ...s, [connector]: { busy: true } }));
    try {
      const result = await testConnection(client, connector, customerId);
      setStates((s) => ({ ...s, [connector]: { busy: false, result } }));
      onTested(connector, result);
    } catch (e) {
      setStates((s) => ({ ...s, [connector]: { busy: false, error: asApiError(e) } }));
    }
  }

  return (
    <div className="connectors">
      {connectors.map((connector) => {
        const state = states[connector] ?? { busy: false };
        const last = lastTests.find((t) => t.connector === connector);
        const headingId = `connector-${connector}`;
        return (
          <section key={connector} className="connector card" aria-labelledby={headingId} aria-busy={state.busy || undefined}>
            <div className="connector-head">
              <h3 id={headingId}>
                {connectorLabel(connector)} <span className="mono muted connector-id">{connector}</span>
              </h3>
              {/* Several of these buttons on one page: say which source each one tests. */}
              <BusyButton busy={state.busy} busyLabel={<>Testing…<span className="sr-only">: {connectorLabel(connector)}</span></>} onClick={() => run(connector)}>
                Test connection
                <span className="sr-only">: {connectorLabel(connector)}</span>
              </BusyButton>
            </div>
            {last ? (
              <p className="last-test">
                <span className={last.ok ? 'mark-ok' : 'mark-fail'} aria-hidden="true">
                  {last.ok ? '✓' : '✗'}
                </span>{' '}
                Last tested {formatTime(last.at)} by {last.actor}: {last.ok ? 'passed' : 'failed'}.
                {/* After a test made here, its verdict is shown in full below. */}
                {!state.result && ` ${last.verdict}`}
              </p>
            ) : (
              <p className="last-test muted">Not tested yet.</p>
            )}
            <div aria-live="polite">
              {state.busy && <p className="muted">Testing the connection; this can take up to a minute…</p>}
              {state.error && <ErrorNotice error={state.error} onRetry={() => run(connector)} />}
              {state.result && <TestResult result={state.result} />}
            </div>
          </section>
        );
      })}
    </div>
  );
}

function TestResult({ result }: { result: ConnectionTest }) {
  const lastFailed = result.ok ? -1 : result.checks.map((c) => c.ok).lastIndexOf(false);
  return (
    <div className={`test-result ${result.ok ? 'test-ok' : 'test-failed'}`}>
      <p className="verdict">
        <strong>{result.ok ? '✓ Connection works.' : '✗ Connection failed.'}</strong> {result.verdict}
      </p>
      {result.checks.length > 0 && (
        <ol className="checks" aria-label="Checks made">
          {result.checks.map((check, i) => (
            <li key={`${check.name}-${i}`} className={i === lastFailed ? 'to-fix' : undefined}>
              <span className={check.ok ? 'mark-ok' : 'mark-fail'} aria-hidden="true">
                {check.ok ? '✓' : '✗'}
              </span>{' '}
              <span className="sr-only">{check.ok ? 'Passed: ' : 'Failed: '}</span>
              <strong>{check.name}</strong>: {check.message}
              {i === lastFailed && <span className="fix-label"> — fix this first</span>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
