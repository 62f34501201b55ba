import { useEffect, useRef, useState } from 'react';
import { asApiError, type ApiClient, type ApiError } from '../api/client';
import { findingsCsv, findingsJson, findingsPage } from '../api/results';
import { SEVERITIES, type Finding, type FindingsPage, type Run, type Severity, type ToolDescriptor } from '../api/types';
import { saveBlob } from '../download';
import { categoryLabel } from '../format';
import { pathOf, type FindingsView } from '../router';
import {
  MAX_SEARCH,
  nextSort,
  queryKey,
  sortDescription,
  toQuery,
  toView,
  type FindingsQuery,
} from '../results/query';
import { usePagedList } from '../results/usePagedList';
import { BusyButton } from './BusyButton';
import { CopyButton } from './CopyButton';
import { ErrorNotice } from './ErrorNotice';
import { FindingDetail } from './FindingDetail';
import { FindingFilters } from './FindingFilters';
import { FindingsTable } from './FindingsTable';
import { Pager } from './Pager';
import { SummaryChart } from './SummaryChart';

export const PAGE_SIZE = 50;
/** Typing pauses this long before the search goes to the server. */
export const SEARCH_DELAY_MS = 300;

const SEVERITY_WORDS: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };

const SORT_CHOICES: { value: string; label: string }[] = [
  { value: '', label: 'Tool’s order' },
  { value: 'severity', label: 'Severity, errors first' },
  { value: '-severity', label: 'Severity, info first' },
  { value: 'category', label: 'Category, A to Z' },
  { value: '-category', label: 'Category, Z to A' },
  { value: 'title', label: 'Title, A to Z' },
  { value: '-title', label: 'Title, Z to A' },
  { value: 'key', label: 'First key, A to Z' },
  { value: '-key', label: 'First key, Z to A' },
];

/**
 * A view held by the URL when the page passes `onViewChange`, else kept here (as in tests and
 * anywhere a shareable address does not matter).
 */
function useView(view: FindingsView | undefined, onViewChange?: (view: FindingsView | undefined) => void) {
  const [local, setLocal] = useState(view);
  return onViewChange ? ([view, onViewChange] as const) : ([local, setLocal] as const);
}

/** The search box: types freely, sends after a pause, follows the URL when it changes elsewhere. */
function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value);
  const sent = useRef(value);

  useEffect(() => {
    // Back/forward, "Clear filters" or a link changed the search: show it.
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === sent.current) return;
    const timer = setTimeout(() => {
      sent.current = trimmed;
      onSearch(trimmed);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, onSearch]);

  return (
    <div className="field field-inline search-field" role="search">
      <label htmlFor="findings-search">Search</label>
      <input
        id="findings-search"
        type="search"
        value={text}
        maxLength={MAX_SEARCH}
        placeholder="Name, email, key, title…"
        aria-describedby="findings-search-help"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            sent.current = text.trim();
            onSearch(text.trim());
          }
        }}
      />
      <span id="findings-search-help" className="sr-only">
        Searches titles, rules, categories and every record’s key and values. Results update as you type.
      </span>
      {text && (
        <button
          type="button"
          className="button-secondary button-small"
          aria-label="Clear search"
          onClick={() => {
            setText('');
            sent.current = '';
            onSearch('');
            document.getElementById('findings-search')?.focus();
          }}
        >
          Clear
        </button>
      )}
    </div>
  );
}

export function Results({
  client,
  run,
  tool,
  view: viewProp,
  onViewChange,
  showScripts = false,
}: {
  client: ApiClient;
  run: Run;
  tool?: ToolDescriptor;
  /** Filters, search and sort from the URL. */
  view?: FindingsView;
  onViewChange?: (view: FindingsView | undefined) => void;
  /** Engineers and admins see resolution SQL. */
  showScripts?: boolean;
}) {
  const summary = run.summary ?? { total: 0, bySeverity: {}, byCategory: {} };
  const categories = [...new Set([...(tool?.categories ?? []), ...Object.keys(summary.byCategory)])];

  const [view, setView] = useView(viewProp, onViewChange);
  const query = toQuery(view);
  const key = queryKey(query);
  const list = usePagedList<FindingsPage>(
    key,
    (cursor, signal) => findingsPage(client, run.runId, query, { cursor, limit: PAGE_SIZE }, signal),
    PAGE_SIZE,
  );
  const { items, loading, error } = list;

  const [selected, setSelected] = useState<Finding | null>(null);
  const trigger = useRef<HTMLElement | null>(null);
  const [exporting, setExporting] = useState<'csv' | 'json' | null>(null);
  const [exportError, setExportError] = useState<ApiError | null>(null);
  const [exportNote, setExportNote] = useState('');

  const change = (next: Partial<FindingsQuery>) => setView(toView({ ...query, ...next }));
  const changeRef = useRef(change);
  changeRef.current = change;
  const [onSearch] = useState(() => (q: string) => changeRef.current({ q: q || undefined }));

  async function download(kind: 'csv' | 'json') {
    setExporting(kind);
    setExportError(null);
    setExportNote('');
    try {
      if (kind === 'csv') {
        saveBlob(await findingsCsv(client, run.runId, query), `cdt-${run.toolId}-${run.runId}-findings.csv`);
        setExportNote('The CSV file is downloading.');
      } else {
        saveBlob(await findingsJson(client, run.runId, query), `${run.toolId}-${run.runId}.json`);
        setExportNote('The JSON file is downloading.');
      }
    } catch (e) {
      setExportError(asApiError(e));
    } finally {
      setExporting(null);
    }
  }

  // Back to the row that opened the detail, once the modal dialog is gone (focus cannot leave it before).
  useEffect(() => {
    if (!selected) trigger.current?.focus();
  }, [selected]);

  const filtered = !!(query.category || query.severity || query.q);
  const link = `${window.location.origin}${pathOf({ name: 'run', runId: run.runId, ...(toView(query) ? { view: toView(query) } : {}) })}`;

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
          <SummaryChart title="Findings by category" counts={summary.byCategory} label={categoryLabel} />
        </div>
        {Object.keys(summary.byCategory).length > 0 && (
          <>
            <h3 className="category-head">Show only one category</h3>
            <ul className="category-counts" aria-label="By category">
              {Object.entries(summary.byCategory)
                .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
                .map(([category, count]) => (
                  <li key={category}>
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`Show only ${categoryLabel(category)} (${count})`}
                      aria-pressed={query.category === category}
                      onClick={() => change({ category })}
                    >
                      {categoryLabel(category)}
                    </button>{' '}
                    <span className="count">{count}</span>
                  </li>
                ))}
            </ul>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="findings-title">
        <div className="findings-head">
          <h2 id="findings-title">Findings</h2>
          <div className="filters">
            <FindingFilters
              idPrefix="filter"
              categories={categories}
              category={query.category}
              severity={query.severity}
              onChange={(next) => change(next)}
            />
            <SearchBox value={query.q ?? ''} onSearch={onSearch} />
            <div className="field field-inline">
              <label htmlFor="findings-sort">Sort by</label>
              <select id="findings-sort" value={query.sort ?? ''} onChange={(e) => change({ sort: e.target.value || undefined })}>
                {SORT_CHOICES.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            </div>
            {filtered && (
              <button
                type="button"
                className="button-secondary"
                onClick={() => {
                  change({ category: undefined, severity: undefined, q: undefined });
                  // The button goes away with the filters: keep the agent's place in the filters.
                  document.getElementById('findings-search')?.focus();
                }}
              >
                Clear filters
              </button>
            )}
          </div>
        </div>
        <div className="findings-actions">
          <BusyButton busy={exporting !== null} busyLabel={exporting === 'csv' ? 'Exporting…' : 'Export CSV'} onClick={() => download('csv')}>
            Export CSV
          </BusyButton>
          <BusyButton busy={exporting !== null} busyLabel={exporting === 'json' ? 'Exporting…' : 'Export JSON'} onClick={() => download('json')}>
            Export JSON
          </BusyButton>
          <CopyButton text={link} label="Copy link" small={false} />
          <span className="muted export-scope">{filtered ? 'Exports and the link keep these filters.' : 'Exports hold every finding of this run.'}</span>
        </div>
        {exportError && <ErrorNotice error={exportError} />}
        <p className="sr-only" role="status">
          {exportNote}
        </p>

        {error ? (
          <ErrorNotice error={error} onRetry={list.retry} />
        ) : loading && items.length === 0 ? (
          <p className="muted" role="status">
            Loading findings…
          </p>
        ) : items.length === 0 ? (
          <p className="empty" role="status">
            {filtered ? 'No findings match these filters.' : 'No findings: this run found nothing to fix.'}
          </p>
        ) : (
          <>
            <p className="muted sort-note">{sortDescription(query.sort)}.</p>
            <FindingsTable
              items={items}
              busy={loading}
              sort={query.sort}
              onSort={(k) => change({ sort: nextSort(query.sort, k) })}
              onOpen={(finding, button) => {
                trigger.current = button;
                setSelected(finding);
              }}
            />
            <Pager
              label="Findings pages"
              range={list.range}
              loading={loading}
              hasPrevious={list.hasPrevious}
              hasNext={list.hasNext}
              onPrevious={list.previous}
              onNext={list.next}
            />
          </>
        )}
      </section>

      {selected && <FindingDetail finding={selected} showScript={showScripts} onClose={() => setSelected(null)} />}
    </div>
  );
}
