import { describe, expect, it } from 'vitest';
import { currentCursor, hasNext, hasPrevious, initialPaging, pagingReducer, rangeLabel, type PagingAction, type PagingState } from './paging';

function play(...actions: PagingAction[]): PagingState {
  return actions.reduce(pagingReducer, initialPaging());
}

describe('findings paging', () => {
  it('starts on the first page with no cursor and nowhere to go', () => {
    const state = initialPaging();
    expect(currentCursor(state)).toBeNull();
    expect(hasPrevious(state)).toBe(false);
    expect(hasNext(state)).toBe(false);
  });

  it('moves forward with the cursor the server gave and back with the one before', () => {
    let state = play({ type: 'loaded', nextCursor: 'c1' });
    expect(hasNext(state)).toBe(true);
    state = pagingReducer(state, { type: 'next' });
    expect(currentCursor(state)).toBe('c1');
    expect(hasNext(state)).toBe(false); // unknown until page 2 has loaded
    state = pagingReducer(state, { type: 'loaded', nextCursor: 'c2' });
    state = pagingReducer(state, { type: 'next' });
    expect(currentCursor(state)).toBe('c2');
    state = pagingReducer(state, { type: 'loaded', nextCursor: null });
    expect(hasNext(state)).toBe(false);
    state = pagingReducer(state, { type: 'previous' });
    expect(currentCursor(state)).toBe('c1');
    state = pagingReducer(state, { type: 'previous' });
    expect(currentCursor(state)).toBeNull();
    expect(hasPrevious(state)).toBe(false);
  });

  it('ignores next without a cursor and previous on the first page', () => {
    const first = initialPaging();
    expect(pagingReducer(first, { type: 'next' })).toBe(first);
    expect(pagingReducer(first, { type: 'previous' })).toBe(first);
  });

  it('drops the pages after the current one when going forward again from an earlier page', () => {
    const state = play(
      { type: 'loaded', nextCursor: 'c1' },
      { type: 'next' },
      { type: 'loaded', nextCursor: 'c2' },
      { type: 'next' },
      { type: 'previous' },
      { type: 'loaded', nextCursor: 'c2-new' },
      { type: 'next' },
    );
    expect(state.cursors).toEqual([null, 'c1', 'c2-new']);
  });

  it('starts over from the first page when a filter changes', () => {
    const state = play({ type: 'loaded', nextCursor: 'c1' }, { type: 'next' }, { type: 'filter', filter: { severity: 'error' } });
    expect(state.filter).toEqual({ severity: 'error' });
    expect(currentCursor(state)).toBeNull();
    expect(state.page).toBe(0);
  });

  it('labels the range shown', () => {
    const second = play({ type: 'loaded', nextCursor: 'c1' }, { type: 'next' });
    expect(rangeLabel(second, 50, 50, 230)).toBe('Showing 51–100 of 230');
    expect(rangeLabel(initialPaging(), 50, 0, 0)).toBe('Showing 0 of 0');
  });
});
