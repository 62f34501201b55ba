import { connectorLabel, type AuditEntry } from '../api/customers';
import { fieldLabel } from './settingsForm';

// A customer's audit trail in an agent's words. Details never hold secret values (the server
// records only the names of changed fields), so everything here is safe to show.

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/** One sentence for what happened. */
export function describeAudit(entry: AuditEntry): string {
  const details = entry.details ?? {};
  switch (entry.action) {
    case 'customer.create':
      return 'Added the customer';
    case 'customer.update': {
      const changed = strings(details.changed).map(fieldLabel);
      return changed.length ? `Changed settings: ${changed.join(', ')}` : 'Saved the settings without changes';
    }
    case 'connector.test': {
      const connector = text(details.connector);
      const what = connector ? `Tested the ${connectorLabel(connector)} connection` : 'Tested a connection';
      const verdict = text(details.verdict);
      if (details.ok === true) return `${what}: passed${verdict ? `. ${verdict}` : ''}`;
      const failed = strings(details.failedChecks);
      const at = failed.length ? ` at ${failed.join(', ')}` : '';
      return `${what}: failed${at}${verdict ? `. ${verdict}` : ''}`;
    }
    case 'snapshots.refresh':
      return 'Asked for fresh snapshots on the next run';
    default: {
      const shown = Object.keys(details).length ? ` (${JSON.stringify(details)})` : '';
      return `${entry.action}${shown}`;
    }
  }
}

/** Whether the entry records something that went wrong (shown with a mark). */
export function auditFailed(entry: AuditEntry): boolean {
  return entry.action === 'connector.test' && entry.details?.ok === false;
}
