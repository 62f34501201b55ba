import { describe, expect, it } from 'vitest';
import { auditFailed, describeAudit } from './audit';

const entry = (action: string, details?: Record<string, unknown>) => ({ at: '2026-11-29T10:00:00Z', actor: 'admin', action, details });

describe('describeAudit', () => {
  it('names the changed settings as the form labels them', () => {
    expect(describeAudit(entry('customer.update', { changed: ['settings.snapshotTtlMinutes.sis', 'settings.sis.secretRef'] }))).toBe(
      'Changed settings: SIS snapshot TTL, Secret reference',
    );
    expect(describeAudit(entry('customer.update', { changed: [] }))).toBe('Saved the settings without changes');
    expect(describeAudit(entry('customer.update'))).toBe('Saved the settings without changes');
  });

  it('says how a connection test went and where it stopped', () => {
    expect(describeAudit(entry('connector.test', { connector: 'bookmarked', ok: true, verdict: "Customer key 'demo' found." }))).toBe(
      "Tested the Our database (Bookmarked) connection: passed. Customer key 'demo' found.",
    );
    const failed = entry('connector.test', { connector: 'ftp', ok: false, verdict: 'The SFTP server refused the login.', failedChecks: ['Login'] });
    expect(describeAudit(failed)).toBe('Tested the OneRoster CSV on the district’s SFTP/FTP server connection: failed at Login. The SFTP server refused the login.');
    expect(auditFailed(failed)).toBe(true);
    expect(auditFailed(entry('connector.test', { ok: true }))).toBe(false);
    expect(describeAudit(entry('connector.test', { ok: false }))).toBe('Tested a connection: failed');
  });

  it('covers creation, refreshes and actions it does not know', () => {
    expect(describeAudit(entry('customer.create'))).toBe('Added the customer');
    expect(describeAudit(entry('snapshots.refresh', {}))).toBe('Asked for fresh snapshots on the next run');
    expect(describeAudit(entry('customer.archive', { reason: 'left' }))).toBe('customer.archive ({"reason":"left"})');
    expect(describeAudit(entry('customer.archive'))).toBe('customer.archive');
  });
});
