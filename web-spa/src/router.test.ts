import { describe, expect, it } from 'vitest';
import { parseRoute, pathOf, sectionOf, type Route } from './router';

describe('router', () => {
  const cases: [string, Route][] = [
    ['/', { name: 'dashboard' }],
    ['/tools', { name: 'run-tool' }],
    ['/tools/student-mismatch?customer=demo', { name: 'run-tool', toolId: 'student-mismatch', customerId: 'demo' }],
    ['/runs/r%2F1', { name: 'run', runId: 'r/1' }],
    ['/runs/r-2/compare/r-1', { name: 'compare', runId: 'r-2', withRunId: 'r-1' }],
    ['/runs/r-1?category=FIELD_DRIFT&q=Maria+L%C3%B3pez&sort=-severity', { name: 'run', runId: 'r-1', view: { category: 'FIELD_DRIFT', q: 'Maria López', sort: '-severity' } }],
    ['/runs/r-2/compare/r-1?change=new&severity=error', { name: 'compare', runId: 'r-2', withRunId: 'r-1', view: { change: 'new', severity: 'error' } }],
    ['/history?customerId=demo&status=FAILED&from=2026-11-01', { name: 'history', filter: { customerId: 'demo', status: 'FAILED', from: '2026-11-01' } }],
    ['/customers?q=spring', { name: 'customers', q: 'spring' }],
    ['/customers/demo', { name: 'customer', customerId: 'demo' }],
  ];

  it.each(cases)('reads %s and writes it back', (url, route) => {
    const [path, search = ''] = url.split('?');
    expect(parseRoute(path ?? '/', search)).toEqual(route);
    expect(pathOf(route)).toBe(url);
  });

  it('sends unknown paths to the dashboard and ignores a trailing slash', () => {
    expect(parseRoute('/nowhere')).toEqual({ name: 'dashboard', unknownPath: '/nowhere' });
    expect(pathOf({ name: 'dashboard', unknownPath: '/nowhere' })).toBe('/');
    expect(parseRoute('/runs/r-1/')).toEqual({ name: 'run', runId: 'r-1' });
  });

  it('leaves the view out of a run without one, and drops empty parts', () => {
    expect(parseRoute('/runs/r-1', '?q=&sort=')).toEqual({ name: 'run', runId: 'r-1' });
    expect(parseRoute('/runs/r-1', '?q=x&unrelated=1')).toEqual({ name: 'run', runId: 'r-1', view: { q: 'x' } });
    expect(pathOf({ name: 'run', runId: 'r-1', view: {} })).toBe('/runs/r-1');
  });

  it('drops empty history filters', () => {
    expect(parseRoute('/history', '?customerId=&toolId=missing-data')).toEqual({ name: 'history', filter: { toolId: 'missing-data' } });
  });

  it('puts a run and a comparison under "Run a tool" in the navigation', () => {
    expect(sectionOf({ name: 'compare', runId: 'a', withRunId: 'b' })).toBe('run-tool');
    expect(sectionOf({ name: 'customer', customerId: 'demo' })).toBe('customers');
  });
});
