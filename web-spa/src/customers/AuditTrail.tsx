import { useEffect, useState } from 'react';
import { asApiError, type ApiClient, type ApiError } from '../api/client';
import { customerAudit, type AuditEntry } from '../api/customers';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatTime } from '../format';
import { auditFailed, describeAudit } from './audit';

/** The customer's trail (settings changes, connection tests, refreshes), newest first. */
export function AuditTrail({ client, customerId, version }: { client: ApiClient; customerId: string; version: number }) {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setError(null);
    customerAudit(client, customerId, 50, abort.signal)
      .then(setEntries)
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(asApiError(e));
      });
    return () => abort.abort();
  }, [client, customerId, version, attempt]);

  if (error) return <ErrorNotice error={error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (entries === null) return <p className="muted">Loading the audit trail…</p>;
  if (entries.length === 0) return <p className="empty">Nothing recorded for this customer yet.</p>;
  return (
    <div className="table-scroll">
      <table className="audit-table">
        <caption className="sr-only">Audit trail, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry, i) => (
            <tr key={`${entry.at}-${i}`} className={auditFailed(entry) ? 'audit-failed' : undefined}>
              <td className="nowrap">{formatTime(entry.at)}</td>
              <td>{entry.actor}</td>
              <td>{describeAudit(entry)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
