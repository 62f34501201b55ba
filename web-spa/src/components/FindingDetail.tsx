import { useEffect, useRef } from 'react';
import type { Finding } from '../api/types';
import { categoryLabel, evidenceText, wordsOf } from '../format';
import { comparisonRows } from '../results/sides';
import { CopyButton } from './CopyButton';
import { ChangeBadge, SeverityBadge } from './FindingsTable';

/**
 * A finding in a modal dialog: the records side by side (differing fields marked in words, not
 * by colour alone), the evidence, and the proposed resolution. The SQL of a resolution is for
 * engineers and admins (`showScript`); agents get its description.
 */
export function FindingDetail({
  finding,
  onClose,
  showScript = false,
  change,
}: {
  finding: Finding;
  onClose: () => void;
  showScript?: boolean;
  change?: string;
}) {
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

  const { columns, rows } = comparisonRows(finding);
  const differing = rows.filter((r) => r.differs).length;
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
              {change && (
                <>
                  <ChangeBadge change={change} />{' '}
                </>
              )}
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
        {rows.length === 0 ? (
          <p className="muted">The records carry no field values.</p>
        ) : (
          <>
            <p className="muted" id="records-note">
              {columns.filter((c) => c.entity).length < 2
                ? 'Only one record, so there is nothing to compare it with.'
                : differing === 0
                  ? 'The records agree on every field shown.'
                  : `${differing} ${differing === 1 ? 'field differs' : 'fields differ'}: marked “differs” and highlighted.`}
            </p>
            <div className="table-scroll" role="region" aria-label="Records side by side" tabIndex={0}>
              <table className="compare" aria-describedby="records-note">
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    {columns.map((c) => (
                      <th scope="col" key={c.heading} className={`side-${c.side}${c.entity ? '' : ' missing'}`}>
                        {c.heading}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.field} className={row.differs ? 'differs' : undefined}>
                      <th scope="row">
                        {row.field}
                        {row.differs && <span className="differs-mark"> (differs)</span>}
                      </th>
                      {row.cells.map((cell, i) => (
                        <td key={columns[i]!.heading} className="mono">
                          {cell}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}

        <h3>Evidence</h3>
        {evidence.length === 0 ? (
          <p className="muted">No further evidence.</p>
        ) : (
          <dl className="evidence">
            {evidence.map(([key, value]) => (
              <div key={key}>
                <dt>{wordsOf(key)}</dt>
                <dd>
                  {/* A list of records (a timeline, the accounts involved): one per line. */}
                  {Array.isArray(value) && value.length > 1 && value.some((v) => v !== null && typeof v === 'object') ? (
                    <ul className="evidence-list">
                      {value.map((item, i) => (
                        <li key={i}>{evidenceText(item)}</li>
                      ))}
                    </ul>
                  ) : (
                    evidenceText(value)
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
              <strong>{wordsOf(resolution.action)}</strong>
            </p>
            <p>{resolution.description}</p>
            {resolution.script && showScript && (
              <div className="script">
                <div className="script-head">
                  <span>SQL for an engineer to run</span>
                  <CopyButton text={resolution.script} label="Copy script" />
                </div>
                <pre className="code" aria-label="SQL">
                  <code>{resolution.script}</code>
                </pre>
              </div>
            )}
            {resolution.script && !showScript && (
              <p className="muted">An engineer can see and run the SQL for this fix.</p>
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
