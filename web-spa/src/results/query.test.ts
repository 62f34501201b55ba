import { describe, expect, it } from 'vitest';
import { apiQuery, ariaSort, nextSort, parseSort, queryKey, sortDescription, toQuery, toView, MAX_SEARCH } from './query';

describe('findings view ⇄ query', () => {
  it('keeps what the API accepts and drops the rest', () => {
    expect(toQuery(undefined)).toEqual({});
    expect(
      toQuery({ category: 'FIELD_DRIFT', severity: 'warning', q: '  Maria  ', sort: '-severity', change: 'resolved' }),
    ).toEqual({ category: 'FIELD_DRIFT', severity: 'warning', q: 'Maria', sort: '-severity', change: 'resolved' });
    expect(toQuery({ category: 'drop table', severity: 'fatal', q: '   ', sort: 'height', change: 'moved' })).toEqual({});
  });

  it('caps the search at the API’s 200 characters', () => {
    expect(toQuery({ q: 'x'.repeat(500) }).q).toHaveLength(MAX_SEARCH);
  });

  it('leaves the tool’s own order out of the URL', () => {
    expect(toQuery({ sort: 'seq' })).toEqual({});
    expect(toQuery({ sort: '-seq' })).toEqual({ sort: '-seq' });
  });

  it('writes back what it read', () => {
    const query = toQuery({ change: 'new', category: 'REKEYED', severity: 'error', q: 'sis-9', sort: 'key' });
    expect(toQuery(toView(query))).toEqual(query);
    expect(toView({})).toBeUndefined();
  });

  it('gives one key per distinct query, whatever the order of its parts', () => {
    expect(queryKey({ q: 'a', sort: 'title' })).toBe(queryKey({ sort: 'title', q: 'a' }));
    expect(queryKey({ q: 'a' })).not.toBe(queryKey({ category: 'a' }));
  });

  it('builds the API query string', () => {
    expect(apiQuery({})).toBe('');
    expect(apiQuery({ q: 'O’Brien & Sons', sort: '-title' }, { cursor: 'abc', limit: 50 })).toBe(
      '?q=O%E2%80%99Brien+%26+Sons&sort=-title&limit=50&cursor=abc',
    );
  });
});

describe('sorting', () => {
  it('reads a sort, a leading minus reversing it', () => {
    expect(parseSort(undefined)).toEqual({ key: 'seq', descending: false });
    expect(parseSort('-title')).toEqual({ key: 'title', descending: true });
    expect(parseSort('nonsense')).toEqual({ key: 'seq', descending: false });
  });

  it('a header click goes ascending, descending, then back to the tool’s order', () => {
    expect(nextSort(undefined, 'severity')).toBe('severity');
    expect(nextSort('severity', 'severity')).toBe('-severity');
    expect(nextSort('-severity', 'severity')).toBeUndefined();
    expect(nextSort('-severity', 'title')).toBe('title');
  });

  it('says the sort to assistive technology and in words', () => {
    expect(ariaSort('severity', 'severity')).toBe('ascending');
    expect(ariaSort('-severity', 'severity')).toBe('descending');
    expect(ariaSort('-severity', 'title')).toBe('none');
    expect(sortDescription(undefined)).toBe('Sorted in the tool’s order');
    expect(sortDescription('severity')).toBe('Sorted by severity, errors first');
    expect(sortDescription('-key')).toBe('Sorted by key, Z to A');
  });
});
