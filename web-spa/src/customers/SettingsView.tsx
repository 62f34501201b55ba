import { sisTypeLabel, type Customer } from '../api/customers';
import { formatTime } from '../format';
import { describeSchedule } from './schedule';

/** "60 minutes (1 hour)": TTLs are stored in minutes, read in hours and days. */
export function minutesInWords(minutes: number): string {
  const base = minutes === 1 ? '1 minute' : `${minutes} minutes`;
  if (minutes < 60) return base;
  const unit = (n: number, one: string) => (n === 1 ? `1 ${one}` : `${n} ${one}s`);
  const parts = [
    [Math.floor(minutes / 1440), 'day'],
    [Math.floor((minutes % 1440) / 60), 'hour'],
    [minutes % 60, 'minute'],
  ] as const;
  return `${base} (${parts.filter(([n]) => n > 0).map(([n, one]) => unit(n, one)).join(' ')})`;
}

/** The integration settings as an agent reads them: secrets as references only. */
export function SettingsView({ customer }: { customer: Customer }) {
  const { sis, ours, snapshotTtlMinutes: ttl, schedule } = customer.settings;
  const options = Object.entries(sis.options ?? {});
  return (
    <dl className="settings-list">
      <div>
        <dt>SIS type</dt>
        <dd>
          {sisTypeLabel(sis.type)} <span className="mono muted">({sis.type})</span>
        </dd>
      </div>
      <div>
        <dt>SIS location</dt>
        <dd className="mono">{sis.location}</dd>
      </div>
      <div>
        <dt>Connector options</dt>
        <dd>
          {options.length ? (
            <ul className="plain-list">
              {options.map(([name, value]) => (
                <li key={name}>
                  <span className="mono">{name}</span> = <span className="mono">{value}</span>
                </li>
              ))}
            </ul>
          ) : (
            <span className="muted">None</span>
          )}
        </dd>
      </div>
      <div>
        <dt>SIS secret</dt>
        <dd>
          {sis.secretRef ? (
            <>
              <code className="mono secret-ref">{sis.secretRef}</code>
              <p className="help">A reference to where the credentials are kept. The secret itself is never shown.</p>
            </>
          ) : (
            <span className="muted">No secret reference (this source needs no credentials)</span>
          )}
        </dd>
      </div>
      <div>
        <dt>Sync schedule</dt>
        <dd>
          {schedule ? (
            <>
              {describeSchedule(schedule)}
              <p className="help">When the district's SIS sync runs: compare it with a snapshot's data-as-of time.</p>
            </>
          ) : (
            <span className="muted">Not set</span>
          )}
        </dd>
      </div>
      <div>
        <dt>Our database instance</dt>
        <dd>{ours.instance}</dd>
      </div>
      <div>
        <dt>Customer key</dt>
        <dd className="mono">{ours.customerKey}</dd>
      </div>
      <div>
        <dt>Snapshot TTL, SIS</dt>
        <dd>{minutesInWords(ttl.sis)}</dd>
      </div>
      <div>
        <dt>Snapshot TTL, ours</dt>
        <dd>{minutesInWords(ttl.ours)}</dd>
      </div>
      <div>
        <dt>Settings updated</dt>
        <dd>{formatTime(customer.updatedAt)}</dd>
      </div>
    </dl>
  );
}
