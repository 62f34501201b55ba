import { useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../api/client';
import { searchCustomers, sisTypeLabel, type CustomerListItem } from '../api/customers';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatTime } from '../format';
import { linkTo } from '../router';
import type { RouteOf, ScreenProps } from './screen';
import './Customers.css';

/** How long typing must pause before the list is asked for again. */
export const SEARCH_DELAY_MS = 300;

/** The customers, searchable by id or name; the search is kept in the address (?q=) to share it. */
export function Customers({ client, navigate, route }: ScreenProps & { route: RouteOf<'customers'> }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [text, setText] = useState(route.q ?? '');
  const [query, setQuery] = useState(route.q ?? '');
  const [items, setItems] = useState<CustomerListItem[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => heading.current?.focus(), []);

  // Back and forward change the address: follow it.
  useEffect(() => {
    const q = route.q ?? '';
    setQuery((current) => (current.trim() === q ? current : q));
    setText((current) => (current.trim() === q ? current : q));
  }, [route.q]);

  useEffect(() => {
    if (text.trim() === query.trim()) return;
    const timer = setTimeout(() => {
      setQuery(text);
      const q = text.trim();
      navigate(q ? { name: 'customers', q } : { name: 'customers' }, { replace: true });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, query, navigate]);

  useEffect(() => {
    const abort = new AbortController();
    // The previous list stays in view while the next one loads, so the table does not flicker.
    setSearching(true);
    setError(null);
    searchCustomers(client, query, abort.signal)
      .then((found) => setItems(found))
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(asApiError(e));
      })
      .finally(() => {
        if (!abort.signal.aborted) setSearching(false);
      });
    return () => abort.abort();
  }, [client, query, attempt]);

  const q = query.trim();
  return (
    <section className="customers">
      <div className="page-head">
        <h1 tabIndex={-1} ref={heading}>
          Customers
        </h1>
      </div>
      <form className="customer-search" role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="customer-search">Search customers</label>
        <input
          id="customer-search"
          type="search"
          value={text}
          placeholder="District name or id"
          autoComplete="off"
          aria-describedby="customer-search-help"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              setQuery(text);
              navigate(text.trim() ? { name: 'customers', q: text.trim() } : { name: 'customers' }, { replace: true });
            }
          }}
        />
        <p id="customer-search-help" className="help">
          Matches any part of the district's name or its CDT id.
        </p>
      </form>
      <div className="card" aria-busy={searching || undefined}>
        {error ? (
          <ErrorNotice error={error} onRetry={() => setAttempt((n) => n + 1)} />
        ) : items === null ? (
          <p role="status" className="muted">
            Loading customers…
          </p>
        ) : items.length === 0 ? (
          <p className="empty" role="status">
            {searching ? 'Searching…' : q ? `No customer matches “${q}”.` : 'There are no customers yet.'}
          </p>
        ) : (
          <>
            <p className="muted" role="status">
              {searching
                ? 'Searching…'
                : `${items.length === 1 ? '1 customer' : `${items.length} customers`}${q ? ` matching “${q}”` : ''}`}
            </p>
            <div className="table-scroll">
              <table className="customers-table">
                <caption className="sr-only">Customers</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Id</th>
                    <th scope="col">SIS type</th>
                    <th scope="col">Our instance</th>
                    <th scope="col">Last run</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <a {...linkTo({ name: 'customer', customerId: c.id }, navigate)}>{c.name}</a>
                      </th>
                      <td className="mono">{c.id}</td>
                      <td>{sisTypeLabel(c.sisType)}</td>
                      <td>{c.oursInstance}</td>
                      <td>{c.lastRunAt ? formatTime(c.lastRunAt) : <span className="muted">No runs yet</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </div>
    </section>
  );
}
