import { useEffect, useReducer, useRef, useState } from 'react';
import { asApiError, type ApiClient, type ApiError } from '../api/client';
import { SEVERITIES, type Finding, type Run, type Severity, type ToolDescriptor } from '../api/types';
import { saveBlob } from '../download';
import { categoryLabel } from '../format';
import { currentCursor, hasNext, hasPrevious, initialPaging, pagingReducer, rangeLabel } from '../results/paging';
import { ErrorNotice } from './ErrorNotice';
import { FindingDetail } from './FindingDetail';
import { FindingsTable } from './FindingsTable';

export const PAGE_SIZE = 50;

const SEVERITY_WORDS: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };

export function Results({ client, run, tool }: { client: ApiClient; run: Run; tool?: ToolDescriptor }) {
  const summary = run.summary ?? { total: 0, bySeverity: {}, byCategory: {} };
  const categories = [...new Set([...(tool?.categories ?? []), ...Object.keys(summary.byCategory)])];

  const [paging, dispatch] = useReducer(pagingReducer, undefined, () => initialPaging());
  const [items, setItems] = useState<Finding[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [selected, setSelected] = useState<Finding | null>(null);
  const trigger = useRef<HTMLElement | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<ApiError | null>(null);
  const [exportNote, setExportNote] = useState('');

  const cursor = currentCursor(paging);
  const { filter } = paging;

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    client
      .findings(run.runId, filter, cursor, PAGE_SIZE, controller.signal)
      .then((page) => {
        setItems(page.items);
        setTotal(page.total);
        dispatch({ type: 'loaded', nextCursor: page.nextCursor });
        setLoading(false);
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        setError(asApiError(e));
        setLoading(false);
      });
    return () => controller.abort();
  }, [client, run.runId, filter, cursor, attempt]);

  async function exportCsv() {
    setExporting(true);
    setExportError(null);
    setExportNote('');
    try {
      const blob = await client.findingsCsv(run.runId, filter);
      saveBlob(blob, `cdt-${run.toolId}-${run.runId}-findings.csv`);
      setExportNote('The CSV file is downloading.');
    } catch (e) {
      setExportError(asApiError(e));
    } finally {
      setExporting(false);
    }
  }

  // Back to the row that opened the detail, once the modal dialog is gone (focus cannot leave it before).
  useEffect(() => {
    if (!selected) trigger.current?.focus();
  }, [selected]);

  const filtered = !!(filter.category || filter.severity);

  return (
    <div className="results">
      <section className="card summary" aria-labelledby="summary-title">
        <h2 id="summary-title">Summary</h2>
        <div className="summary-grid">
          <div className="total">
            <span className="total-number">{summary.total}</span>
            <span className="muted">{summary.total === 1 ? 'finding' : 'findings'}</span>
          </div>
          <ul className="severity-counts" aria-label="By severity">
            {SEVERITIES.map((s) => (
              <li key={s}>
                <span className={`badge badge-${s}`}>{SEVERITY_WORDS[s]}</span> {summary.bySeverity[s] ?? 0}
              </li>
            ))}
          </ul>
          {Object.keys(summary.byCategory).length > 0 && (
            <ul className="category-counts" aria-label="By category">
              {Object.entries(summary.byCategory)
                .sort((a, b) => b[1] - a[1])
                .map(([category, count]) => (
                  <li key={category}>
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`Show only ${categoryLabel(category)} (${count})`}
                      onClick={() => dispatch({ type: 'filter', filter: { ...filter, category } })}
                    >
                      {categoryLabel(category)}
                    </button>{' '}
                    <span className="count">{count}</span>
                  </li>
                ))}
            </ul>
          )}
        </div>
      </section>

      <section className="card" aria-labelledby="findings-title">
        <div className="findings-head">
          <h2 id="findings-title">Findings</h2>
          <div className="filters">
            <div className="field field-inline">
              <label htmlFor="filter-category">Category</label>
              <select
                id="filter-category"
                value={filter.category ?? ''}
                onChange={(e) => dispatch({ type: 'filter', filter: { ...filter, category: e.target.value || undefined } })}
              >
                <option value="">All categories</option>
                {categories.map((c) => (
                  <option key={c} value={c}>
                    {categoryLabel(c)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field field-inline">
              <label htmlFor="filter-severity">Severity</label>
              <select
                id="filter-severity"
                value={filter.severity ?? ''}
                onChange={(e) =>
                  dispatch({ type: 'filter', filter: { ...filter, severity: (e.target.value || undefined) as Severity | undefined } })
                }
              >
                <option value="">All severities</option>
                {SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </div>
            {filtered && (
              <button type="button" className="button-secondary" onClick={() => dispatch({ type: 'filter', filter: {} })}>
                Clear filters
              </button>
            )}
            <button type="button" className="button-secondary" onClick={exportCsv} disabled={exporting}>
              {exporting ? 'Exporting…' : 'Export CSV'}
            </button>
          </div>
        </div>
        {exportError && <ErrorNotice error={exportError} />}
        <p className="sr-only" role="status">
          {exportNote}
        </p>

        {error ? (
          <ErrorNotice error={error} onRetry={() => setAttempt((n) => n + 1)} />
        ) : loading && items.length === 0 ? (
          <p className="muted" role="status">
            Loading findings…
          </p>
        ) : items.length === 0 ? (
          <p className="empty" role="status">
            {filtered
              ? 'No findings match these filters.'
              : 'No findings: this run found nothing to fix.'}
          </p>
        ) : (
          <>
            <FindingsTable
              items={items}
              busy={loading}
              onOpen={(finding, button) => {
                trigger.current = button;
                setSelected(finding);
              }}
            />
            <nav className="pager" aria-label="Findings pages">
              <button
                type="button"
                className="button-secondary"
                disabled={!hasPrevious(paging) || loading}
                onClick={() => dispatch({ type: 'previous' })}
              >
                Previous
              </button>
              <span role="status">{loading ? 'Loading…' : rangeLabel(paging, PAGE_SIZE, items.length, total ?? items.length)}</span>
              <button
                type="button"
                className="button-secondary"
                disabled={!hasNext(paging) || loading}
                onClick={() => dispatch({ type: 'next' })}
              >
                Next
              </button>
            </nav>
          </>
        )}
      </section>

      {selected && <FindingDetail finding={selected} onClose={() => setSelected(null)} />}
    </div>
  );
}
