import { useEffect, useRef } from 'react';
import type { EntityRef, Finding } from '../api/types';
import { categoryLabel, displayValue } from '../format';
import { CopyButton } from './CopyButton';
import { SeverityBadge } from './FindingsTable';

const SIDE_NAMES: Record<EntityRef['side'], string> = { sis: 'SIS', ours: 'Ours' };

interface Column {
  heading: string;
  entity: EntityRef | null;
}

/** SIS records first, then ours; a side with no record gets an explicit "no record" column. */
export function comparisonColumns(finding: Finding): Column[] {
  const columns: Column[] = [];
  for (const side of ['sis', 'ours'] as const) {
    const onSide = finding.entities.filter((e) => e.side === side);
    if (onSide.length === 0) columns.push({ heading: `${SIDE_NAMES[side]}: no record`, entity: null });
    for (const entity of onSide) {
      columns.push({ heading: `${SIDE_NAMES[side]} ${entity.type} ${entity.key}`, entity });
    }
  }
  return columns;
}

export function comparisonFields(finding: Finding): string[] {
  const fields: string[] = [];
  for (const entity of finding.entities) {
    for (const field of Object.keys(entity.values ?? {})) if (!fields.includes(field)) fields.push(field);
  }
  return fields;
}

/** True when the records that exist disagree on this field. */
export function differs(columns: Column[], field: string): boolean {
  const present = columns.filter((c) => c.entity).map((c) => displayValue(c.entity!.values?.[field]));
  return present.length > 1 && new Set(present).size > 1;
}

export function FindingDetail({ finding, onClose }: { finding: Finding; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element || element.open) return;
    // A modal dialog traps focus and closes on Escape; engines without showModal get a plain open one.
    // No close() on cleanup: removing the element ends the modal state, and a close() here would fire
    // a late "close" event that shuts the dialog again when React re-runs effects in development.
    if (typeof element.showModal === 'function') element.showModal();
    else element.setAttribute('open', '');
  }, []);

  const columns = comparisonColumns(finding);
  const fields = comparisonFields(finding);
  const evidence = Object.entries(finding.evidence ?? {});
  const resolution = finding.resolution;

  return (
    <dialog
      ref={dialog}
      className="finding-detail"
      aria-labelledby="finding-title"
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // A click on the backdrop lands on the dialog element itself.
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div className="detail-body">
        <div className="detail-head">
          <div>
            <p className="detail-kicker">
              <SeverityBadge severity={finding.severity} /> {categoryLabel(finding.category)}
              {finding.rule && <span className="mono"> · {finding.rule}</span>}
            </p>
            <h2 id="finding-title">{finding.title}</h2>
          </div>
          <button type="button" className="button-secondary" onClick={onClose} autoFocus>
            Close
          </button>
        </div>

        <h3>Records</h3>
        {fields.length === 0 ? (
          <p className="muted">The records carry no field values.</p>
        ) : (
          <div className="table-scroll" role="region" aria-label="Records side by side" tabIndex={0}>
            <table className="compare">
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  {columns.map((c) => (
                    <th scope="col" key={c.heading} className={c.entity ? undefined : 'missing'}>
                      {c.heading}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {fields.map((field) => {
                  const different = differs(columns, field);
                  return (
                    <tr key={field} className={different ? 'differs' : undefined}>
                      <th scope="row">
                        {field}
                        {different && <span className="differs-mark"> (differs)</span>}
                      </th>
                      {columns.map((c) => (
                        <td key={c.heading} className="mono">
                          {c.entity ? displayValue(c.entity.values?.[field]) : ''}
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}

        <h3>Evidence</h3>
        {evidence.length === 0 ? (
          <p className="muted">No further evidence.</p>
        ) : (
          <dl className="evidence">
            {evidence.map(([key, value]) => (
              <div key={key}>
                <dt>{key}</dt>
                <dd>
                  {value !== null && typeof value === 'object' ? (
                    <pre className="code">{JSON.stringify(value, null, 2)}</pre>
                  ) : (
                    displayValue(value)
                  )}
                </dd>
              </div>
            ))}
          </dl>
        )}

        <h3>Suggested resolution</h3>
        {resolution ? (
          <div className="resolution">
            <p>
              <strong>{resolution.action}</strong>
            </p>
            <p>{resolution.description}</p>
            {resolution.script && (
              <div className="script">
                <div className="script-head">
                  <span>Script</span>
                  <CopyButton text={resolution.script} label="Copy script" />
                </div>
                <pre className="code">
                  <code>{resolution.script}</code>
                </pre>
              </div>
            )}
          </div>
        ) : (
          <p className="muted">No resolution is proposed for this finding.</p>
        )}

        <p className="detail-ids muted">
          Finding {finding.id} · fingerprint <span className="mono">{finding.fingerprint}</span>
        </p>
      </div>
    </dialog>
  );
}
