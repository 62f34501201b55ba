// Cursor paging, kept client-side as a stack: the server only gives "next", so "previous" means
// going back to the cursor that fetched the page before. Changing a filter starts over.

import type { FindingsFilter } from '../api/types';

export interface PagingState<F = FindingsFilter> {
  filter: F;
  /** cursors[i] fetched page i; the first page has no cursor. */
  cursors: (string | null)[];
  page: number;
  /** The cursor the server gave with the page now shown, if there is more. */
  nextCursor: string | null;
}

export type PagingAction<F = FindingsFilter> =
  | { type: 'filter'; filter: F }
  | { type: 'loaded'; nextCursor: string | null | undefined }
  | { type: 'next' }
  | { type: 'previous' };

export function initialPaging(): PagingState;
export function initialPaging<F>(filter: F): PagingState<F>;
export function initialPaging(filter: unknown = {}): PagingState<unknown> {
  return { filter, cursors: [null], page: 0, nextCursor: null };
}

export function pagingReducer<F>(state: PagingState<F>, action: PagingAction<F>): PagingState<F> {
  switch (action.type) {
    case 'filter':
      return initialPaging(action.filter);
    case 'loaded':
      return { ...state, nextCursor: action.nextCursor ?? null };
    case 'next': {
      if (!state.nextCursor) return state;
      const cursors = [...state.cursors.slice(0, state.page + 1), state.nextCursor];
      return { ...state, cursors, page: state.page + 1, nextCursor: null };
    }
    case 'previous':
      if (state.page === 0) return state;
      return { ...state, page: state.page - 1, nextCursor: null };
  }
}

export function currentCursor(state: PagingState<unknown>): string | null {
  return state.cursors[state.page] ?? null;
}

export function hasPrevious(state: PagingState<unknown>): boolean {
  return state.page > 0;
}

export function hasNext(state: PagingState<unknown>): boolean {
  return state.nextCursor !== null;
}

/** "Showing 51–100 of 230", from the page number, its size and the total the server reports. */
export function rangeLabel(state: PagingState<unknown>, pageSize: number, shown: number, total: number): string {
  const n = (x: number) => x.toLocaleString('en-US');
  if (shown === 0) return `Showing 0 of ${n(total)}`;
  const first = state.page * pageSize + 1;
  return `Showing ${n(first)}–${n(first + shown - 1)} of ${n(total)}`;
}
