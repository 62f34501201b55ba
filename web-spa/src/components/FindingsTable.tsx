import type { EntityRef, Finding } from '../api/types';
import { categoryLabel, SEVERITY_LABELS } from '../format';
import { ariaSort, type SortKey } from '../results/query';

export function keysOn(finding: Finding, side: EntityRef['side']): string {
  const keys = finding.entities.filter((e) => e.side === side).map((e) => e.key);
  return keys.length ? [...new Set(keys)].join(', ') : '—';
}

export function SeverityBadge({ severity }: { severity: Finding['severity'] }) {
  return <span className={`badge badge-${severity}`}>{SEVERITY_LABELS[severity] ?? severity}</span>;
}

const CHANGE_WORDS: Record<string, string> = { new: 'New', resolved: 'Resolved', unchanged: 'Unchanged' };

export function ChangeBadge({ change }: { change: string }) {
  return <span className={`badge badge-change badge-${change}`}>{CHANGE_WORDS[change] ?? change}</span>;
}

type SortableKey = Exclude<SortKey, 'seq'>;

/** A column header that sorts the list on the server when sorting is offered. */
function Header({
  label,
  sortKey,
  sort,
  onSort,
}: {
  label: string;
  sortKey?: SortableKey;
  sort?: string;
  onSort?: (key: SortableKey) => void;
}) {
  if (!sortKey || !onSort) return <th scope="col">{label}</th>;
  const state = ariaSort(sort, sortKey);
  const arrow = state === 'ascending' ? '▲' : state === 'descending' ? '▼' : '↕';
  return (
    <th scope="col" aria-sort={state}>
      <button type="button" className="sort-button" onClick={() => onSort(sortKey)}>
        {label}
        <span className="sort-arrow" aria-hidden="true">
          {arrow}
        </span>
      </button>
    </th>
  );
}

/**
 * One page of findings. A row opens its detail on click; the title button does it from the
 * keyboard. With `onSort` the severity, category, title and key headers sort (aria-sort says how);
 * with `changeOf` a first column says whether the finding is new, resolved or unchanged.
 */
export function FindingsTable({
  items,
  onOpen,
  busy,
  sort,
  onSort,
  changeOf,
}: {
  items: Finding[];
  onOpen: (finding: Finding, trigger: HTMLElement | null) => void;
  busy: boolean;
  sort?: string;
  onSort?: (key: SortableKey) => void;
  changeOf?: (finding: Finding) => string | undefined;
}) {
  const sorting = { sort, onSort };
  // Tools that name no rule would fill a column with dashes and squeeze the titles at tablet width.
  const showRule = items.some((f) => f.rule);
  return (
    <div className="table-scroll" role="region" aria-label="Findings" tabIndex={0}>
      <table className="findings" aria-busy={busy || undefined}>
        <thead>
          <tr>
            {changeOf && <th scope="col">Change</th>}
            <Header label="Severity" sortKey="severity" {...sorting} />
            <Header label="Category" sortKey="category" {...sorting} />
            {showRule && <Header label="Rule" />}
            <Header label="Title" sortKey="title" {...sorting} />
            <Header label="SIS key" />
            <Header label="Our key" />
          </tr>
        </thead>
        <tbody>
          {items.map((finding) => {
            const change = changeOf?.(finding);
            return (
              <tr
                key={finding.id}
                className="clickable"
                onClick={(e) => {
                  const row = e.currentTarget;
                  onOpen(finding, row.querySelector('button'));
                }}
              >
                {changeOf && <td>{change ? <ChangeBadge change={change} /> : '—'}</td>}
                <td>
                  <SeverityBadge severity={finding.severity} />
                </td>
                <td>{categoryLabel(finding.category)}</td>
                {showRule && <td className="mono wrap">{finding.rule || '—'}</td>}
                <td className="title-cell">
                  <button type="button" className="link-button">
                    {finding.title}
                  </button>
                </td>
                <td className="mono wrap">{keysOn(finding, 'sis')}</td>
                <td className="mono wrap">{keysOn(finding, 'ours')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
