import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { comparePage, type ComparePage as ComparePageData } from '../api/results';
import type { Finding, Run } from '../api/types';
import { formatTime } from '../format';
import { linkTo, type FindingsView } from '../router';
import { CHANGES, queryKey, toQuery, toView, type Change, type FindingsQuery } from '../results/query';
import { maySeeScripts } from '../results/sides';
import { usePagedList } from '../results/usePagedList';
import { ErrorNotice } from '../components/ErrorNotice';
import { FindingDetail } from '../components/FindingDetail';
import { FindingFilters } from '../components/FindingFilters';
import { FindingsTable } from '../components/FindingsTable';
import { Pager } from '../components/Pager';
import type { ScreenProps } from './screen';
import './RunPage.css';

export const COMPARE_PAGE_SIZE = 50;

type Tab = Change | 'all';
const TABS: readonly Tab[] = ['all', ...CHANGES];
const TAB_WORDS: Record<Tab, string> = { all: 'All', new: 'New', resolved: 'Resolved', unchanged: 'Unchanged' };
const TAB_HELP: Record<Tab, string> = {
  all: 'Every finding of either run: new ones first.',
  new: 'Found by this run, not by the earlier one.',
  resolved: 'Found by the earlier run, gone in this one (shown as the earlier run found it).',
  unchanged: 'Found by both runs.',
};

/**
 * Two runs of the same tool and customer, findings matched by fingerprint: new, resolved and
 * unchanged, one server page at a time. The change, category and severity live in the URL.
 */
export function ComparePage({
  client,
  session,
  catalogue,
  navigate,
  runId,
  withRunId,
  view,
}: ScreenProps & { runId: string; withRunId: string; view?: FindingsView }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  // Search and sort are not offered by the compare route; only these travel.
  const { change, category, severity } = toQuery(view);
  const query: FindingsQuery = { change, category, severity };
  const list = usePagedList<ComparePageData>(
    queryKey(query),
    (cursor, signal) => comparePage(client, runId, withRunId, query, { cursor, limit: COMPARE_PAGE_SIZE }, signal),
    COMPARE_PAGE_SIZE,
  );
  const { data, error, loading } = list;
  const setQuery = useCallback(
    (next: FindingsQuery) => {
      const v = toView(next);
      navigate({ name: 'compare', runId, withRunId, ...(v ? { view: v } : {}) }, { replace: true });
    },
    [navigate, runId, withRunId],
  );

  const [selected, setSelected] = useState<{ finding: Finding; change: Change } | null>(null);
  const trigger = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (!selected) trigger.current?.focus();
  }, [selected]);

  const run = data?.run;
  const earlier = data?.with;
  const tool = catalogue.tools.find((t) => t.id === (run?.toolId ?? ''));
  const customer = catalogue.customers.find((c) => c.id === run?.customerId);
  const categories = [...new Set([...(tool?.categories ?? []), ...Object.keys(run?.summary?.byCategory ?? {})])];
  const changes = new Map((data?.items ?? []).map((i) => [i.finding.id, i.change]));
  const tab: Tab = change ?? 'all';
  const filtered = !!(category || severity);

  return (
    <section className="compare-page">
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>
          Compare runs{tool ? `: ${tool.title}` : ''}
        </h1>
        <a className="back-link" {...linkTo({ name: 'run', runId }, navigate)}>
          Back to the run
        </a>
      </div>

      {error && !data ? (
        <>
          <ErrorNotice error={error} onRetry={error.status >= 500 || error.status === 0 ? list.retry : undefined} />
          {error.status === 422 && (
            <p className="muted">Only two finished runs of the same tool for the same customer can be compared.</p>
          )}
        </>
      ) : !data ? (
        <p className="muted" role="status">
          Loading the comparison…
        </p>
      ) : (
        <>
          <dl className="run-meta compare-meta">
            <div>
              <dt>Customer</dt>
              <dd>{customer ? `${customer.name} (${customer.id})` : run?.customerId}</dd>
            </div>
            <RunCell label="This run" run={run!} navigate={navigate} />
            <RunCell label="Earlier run" run={earlier!} navigate={navigate} />
          </dl>

          <section className="card" aria-labelledby="changes-title">
            <h2 id="changes-title">Changes</h2>
            <ul className="change-counts" aria-label="Changes by fingerprint">
              {CHANGES.map((c) => (
                <li key={c}>
                  <span className="change-number">{(data.counts[c] ?? 0).toLocaleString('en-US')}</span>{' '}
                  <span className={`badge badge-change badge-${c}`}>{TAB_WORDS[c]}</span>
                </li>
              ))}
            </ul>
          </section>

          <section className="card" aria-labelledby="compare-findings-title">
            <div className="findings-head">
              <h2 id="compare-findings-title">Findings</h2>
              <div className="filters">
                <FindingFilters
                  idPrefix="compare"
                  categories={categories}
                  category={category}
                  severity={severity}
                  onChange={(next) => setQuery({ ...query, ...next })}
                />
                {filtered && (
                  <button
                    type="button"
                    className="button-secondary"
                    onClick={() => {
                      setQuery({ change });
                      document.getElementById('compare-category')?.focus();
                    }}
                  >
                    Clear filters
                  </button>
                )}
              </div>
            </div>

            <ChangeTabs
              tab={tab}
              counts={data.counts}
              onChoose={(t) => setQuery({ ...query, change: t === 'all' ? undefined : t })}
            />
            <div role="tabpanel" id="compare-panel" aria-labelledby={`tab-${tab}`} className="tab-panel">
              <p className="muted">{TAB_HELP[tab]}</p>
              {error ? (
                <ErrorNotice error={error} onRetry={list.retry} />
              ) : list.items.length === 0 ? (
                <p className="empty" role="status">
                  {loading
                    ? 'Loading…'
                    : filtered
                      ? 'No findings match these filters.'
                      : tab === 'all'
                        ? 'Neither run found anything.'
                        : `No ${TAB_WORDS[tab].toLowerCase()} findings.`}
                </p>
              ) : (
                <>
                  <FindingsTable
                    items={list.items.map((i) => i.finding)}
                    busy={loading}
                    changeOf={(f) => changes.get(f.id)}
                    onOpen={(finding, button) => {
                      trigger.current = button;
                      setSelected({ finding, change: changes.get(finding.id) ?? 'unchanged' });
                    }}
                  />
                  <Pager
                    label="Comparison pages"
                    range={list.range}
                    loading={loading}
                    hasPrevious={list.hasPrevious}
                    hasNext={list.hasNext}
                    onPrevious={list.previous}
                    onNext={list.next}
                  />
                </>
              )}
            </div>
          </section>
        </>
      )}

      {selected && (
        <FindingDetail
          finding={selected.finding}
          change={selected.change}
          showScript={maySeeScripts(session.roles)}
          onClose={() => setSelected(null)}
        />
      )}
    </section>
  );
}

function RunCell({ label, run, navigate }: { label: string; run: Run; navigate: ScreenProps['navigate'] }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        <a {...linkTo({ name: 'run', runId: run.runId }, navigate)}>{formatTime(run.startedAt ?? run.createdAt)}</a>
        <span className="muted run-cell-extra">
          {' '}
          by {run.requestedBy} · {(run.summary?.total ?? 0).toLocaleString('en-US')} findings
        </span>
      </dd>
    </div>
  );
}

/** Tabs per change: arrow keys, Home and End move between them (the ARIA tabs pattern). */
function ChangeTabs({ tab, counts, onChoose }: { tab: Tab; counts: Record<Change, number>; onChoose: (tab: Tab) => void }) {
  const refs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});
  const total = CHANGES.reduce((n, c) => n + (counts[c] ?? 0), 0);

  function onKeyDown(e: KeyboardEvent<HTMLButtonElement>) {
    const at = TABS.indexOf(tab);
    const to =
      e.key === 'ArrowRight' ? (at + 1) % TABS.length
      : e.key === 'ArrowLeft' ? (at - 1 + TABS.length) % TABS.length
      : e.key === 'Home' ? 0
      : e.key === 'End' ? TABS.length - 1
      : -1;
    if (to < 0) return;
    e.preventDefault();
    const next = TABS[to]!;
    onChoose(next);
    refs.current[next]?.focus();
  }

  return (
    <div role="tablist" aria-label="Which findings" className="tabs">
      {TABS.map((t) => (
        <button
          key={t}
          ref={(el) => {
            refs.current[t] = el;
          }}
          type="button"
          role="tab"
          id={`tab-${t}`}
          aria-selected={t === tab}
          aria-controls="compare-panel"
          tabIndex={t === tab ? 0 : -1}
          className="tab"
          onClick={() => onChoose(t)}
          onKeyDown={onKeyDown}
        >
          {TAB_WORDS[t]} <span className="tab-count">({(t === 'all' ? total : (counts[t] ?? 0)).toLocaleString('en-US')})</span>
        </button>
      ))}
    </div>
  );
}
