import type { EntityRef, Finding } from '../api/types';
import { categoryLabel } from '../format';

export function keysOn(finding: Finding, side: EntityRef['side']): string {
  const keys = finding.entities.filter((e) => e.side === side).map((e) => e.key);
  return keys.length ? [...new Set(keys)].join(', ') : '—';
}

export function SeverityBadge({ severity }: { severity: Finding['severity'] }) {
  return <span className={`badge badge-${severity}`}>{severity}</span>;
}

/** One page of findings. A row opens its detail on click; the title button does it from the keyboard. */
export function FindingsTable({
  items,
  onOpen,
  busy,
}: {
  items: Finding[];
  onOpen: (finding: Finding, trigger: HTMLElement | null) => void;
  busy: boolean;
}) {
  return (
    <div className="table-scroll" role="region" aria-label="Findings" tabIndex={0}>
      <table className="findings" aria-busy={busy || undefined}>
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col">Category</th>
            <th scope="col">Rule</th>
            <th scope="col">Title</th>
            <th scope="col">SIS key</th>
            <th scope="col">Our key</th>
          </tr>
        </thead>
        <tbody>
          {items.map((finding) => (
            <tr
              key={finding.id}
              className="clickable"
              onClick={(e) => {
                const row = e.currentTarget;
                onOpen(finding, row.querySelector('button'));
              }}
            >
              <td>
                <SeverityBadge severity={finding.severity} />
              </td>
              <td>{categoryLabel(finding.category)}</td>
              <td className="mono wrap">{finding.rule || '—'}</td>
              <td className="title-cell">
                <button type="button" className="link-button">
                  {finding.title}
                </button>
              </td>
              <td className="mono wrap">{keysOn(finding, 'sis')}</td>
              <td className="mono wrap">{keysOn(finding, 'ours')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
