import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../api/client';
import {
  connectorsOf,
  getCustomer,
  refreshSnapshots,
  type ConnectionTest,
  type ConnectorTestRecord,
  type Customer,
} from '../api/customers';
import { runHistory } from '../api/runs';
import type { Run } from '../api/types';
import { BusyButton } from '../components/BusyButton';
import { ErrorNotice } from '../components/ErrorNotice';
import { RunsTable } from '../components/RunsTable';
import { AuditTrail } from '../customers/AuditTrail';
import { ConnectionTests } from '../customers/ConnectionTests';
import { SettingsForm } from '../customers/SettingsForm';
import { SettingsView } from '../customers/SettingsView';
import { linkTo } from '../router';
import type { RouteOf, ScreenProps } from './screen';
import './CustomerPage.css';

export const HISTORY_LIMIT = 10;

/** One customer: integration settings (edited by admins), connection tests, runs and audit trail. */
export function CustomerPage({ client, session, catalogue, navigate, route }: ScreenProps & { route: RouteOf<'customer'> }) {
  const { customerId } = route;
  const heading = useRef<HTMLHeadingElement>(null);
  const settingsHeading = useRef<HTMLHeadingElement>(null);
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [editing, setEditing] = useState(false);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const [auditVersion, setAuditVersion] = useState(0);
  const [tests, setTests] = useState<ConnectorTestRecord[]>([]);
  const isAdmin = session.roles.includes('admin');

  useEffect(() => {
    const abort = new AbortController();
    setError(null);
    getCustomer(client, customerId, abort.signal)
      .then((c) => {
        setCustomer(c);
        setTests(c.lastTests ?? []);
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(asApiError(e));
      });
    return () => abort.abort();
  }, [client, customerId, attempt]);

  // Focus the heading once the customer's name is there to read.
  const loaded = customer !== null;
  useEffect(() => heading.current?.focus(), [loaded]);

  const reload = useCallback(async () => {
    const fresh = await getCustomer(client, customerId);
    setCustomer(fresh);
    setTests(fresh.lastTests ?? []);
    return fresh;
  }, [client, customerId]);

  const onTested = useCallback(
    (connector: string, result: ConnectionTest) => {
      const record: ConnectorTestRecord = { connector, ok: result.ok, verdict: result.verdict, at: new Date().toISOString(), actor: session.username };
      setTests((all) => [record, ...all.filter((t) => t.connector !== connector)]);
      setAuditVersion((n) => n + 1);
    },
    [session.username],
  );

  if (error) {
    return (
      <section>
        <h1 tabIndex={-1} ref={heading}>
          Customer {customerId}
        </h1>
        <ErrorNotice error={error} onRetry={error.status === 404 ? undefined : () => setAttempt((n) => n + 1)} />
        <p>
          <a {...linkTo({ name: 'customers' }, navigate)}>Back to all customers</a>
        </p>
      </section>
    );
  }
  if (!customer) {
    return (
      <section>
        <h1 tabIndex={-1} ref={heading}>
          Customer {customerId}
        </h1>
        <p role="status" className="muted">
          Loading the customer…
        </p>
      </section>
    );
  }

  return (
    <section className="customer-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <a {...linkTo({ name: 'customers' }, navigate)}>Customers</a> <span aria-hidden="true">›</span> {customer.name}
      </nav>
      <div className="page-head">
        <div>
          <h1 tabIndex={-1} ref={heading}>
            {customer.name}
          </h1>
          <p className="muted">
            Customer id <span className="mono">{customer.id}</span>
          </p>
        </div>
        <a className="button-link" {...linkTo({ name: 'run-tool', customerId: customer.id }, navigate)}>
          Run a tool on this customer
        </a>
      </div>

      <section className="card" aria-labelledby="settings-heading">
        <div className="section-head">
          <h2 id="settings-heading" tabIndex={-1} ref={settingsHeading}>
            Integration settings
          </h2>
          {isAdmin && !editing && (
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                setSavedNote(null);
                setEditing(true);
              }}
            >
              Edit settings
            </button>
          )}
        </div>
        {!isAdmin && <p className="admin-note">Only admins can change settings.</p>}
        {savedNote && (
          <p className="notice notice-ok" role="status">
            {savedNote}
          </p>
        )}
        {editing ? (
          <SettingsForm
            client={client}
            customer={customer}
            ourInstances={catalogue.ourInstances}
            onReload={reload}
            onCancel={() => {
              setEditing(false);
              settingsHeading.current?.focus();
            }}
            onSaved={(saved) => {
              setCustomer({ ...saved, lastTests: saved.lastTests ?? customer.lastTests, connectors: saved.connectors ?? customer.connectors });
              setEditing(false);
              setSavedNote('Settings saved. The change is recorded in the audit trail.');
              setAuditVersion((n) => n + 1);
              settingsHeading.current?.focus();
            }}
          />
        ) : (
          <SettingsView customer={customer} />
        )}
      </section>

      <section className="card" aria-labelledby="connections-heading">
        <h2 id="connections-heading">Connections</h2>
        <p className="help">
          Test each source CDT reads for this customer. A failed test says which check failed and what to fix; nothing is
          downloaded.
        </p>
        <ConnectionTests client={client} customerId={customer.id} connectors={connectorsOf(customer)} lastTests={tests} onTested={onTested} />
        <RefreshSnapshots client={client} customerId={customer.id} onRefreshed={() => setAuditVersion((n) => n + 1)} />
      </section>

      <section className="card" aria-labelledby="history-heading">
        <div className="section-head">
          <h2 id="history-heading">History</h2>
          <a {...linkTo({ name: 'history', filter: { customerId: customer.id } }, navigate)}>Every run on this customer</a>
        </div>
        <CustomerRuns {...{ client, catalogue, navigate }} customerId={customer.id} customerName={customer.name} />
      </section>

      <section className="card" aria-labelledby="audit-heading">
        <h2 id="audit-heading">Audit trail</h2>
        <AuditTrail client={client} customerId={customer.id} version={auditVersion} />
      </section>
    </section>
  );
}

function RefreshSnapshots({ client, customerId, onRefreshed }: { client: ScreenProps['client']; customerId: string; onRefreshed: () => void }) {
  const [busy, setBusy] = useState(false);
  const [detail, setDetail] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function refresh() {
    setBusy(true);
    setError(null);
    setDetail(null);
    try {
      setDetail((await refreshSnapshots(client, customerId)).detail);
      onRefreshed();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="refresh">
      <h3>Snapshots</h3>
      <p className="help">
        Runs reuse a cached copy of each side until it is older than its TTL. Refresh when the district has just fixed its data
        and the next run must see the change.
      </p>
      <BusyButton busy={busy} busyLabel="Refreshing…" onClick={refresh}>
        Refresh snapshots
      </BusyButton>
      <div aria-live="polite">
        {detail && <p className="notice notice-ok">{detail}</p>}
        {error && <ErrorNotice error={error} />}
      </div>
    </div>
  );
}

function CustomerRuns({
  client,
  catalogue,
  navigate,
  customerId,
  customerName,
}: Pick<ScreenProps, 'client' | 'catalogue' | 'navigate'> & { customerId: string; customerName: string }) {
  const [runs, setRuns] = useState<Run[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setError(null);
    runHistory(client, { customerId }, { limit: HISTORY_LIMIT }, abort.signal)
      .then((page) => setRuns(page.items))
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(asApiError(e));
      });
    return () => abort.abort();
  }, [client, customerId, attempt]);

  if (error) return <ErrorNotice error={error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (runs === null) return <p className="muted">Loading runs…</p>;
  if (runs.length === 0) return <p className="empty">No tool has run on this customer yet.</p>;
  return <RunsTable runs={runs} catalogue={catalogue} navigate={navigate} caption={`Latest runs on ${customerName}`} hideCustomer />;
}
