import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, NO_ANSWER } from '../api/client';
import { ErrorNotice } from './ErrorNotice';

describe('ErrorNotice', () => {
  it.each([
    [NO_ANSWER, true],
    [500, true],
    [503, true],
    [429, true],
    [404, false],
    [403, false],
    [422, false],
    [409, false],
  ])('status %s offers "Try again": %s', (status, offered) => {
    render(<ErrorNotice error={new ApiError(status, 'Something went wrong', 'In words.')} onRetry={vi.fn()} />);
    expect(screen.getByRole('alert').textContent).toContain('In words.');
    expect(screen.queryByRole('button', { name: 'Try again' }) !== null).toBe(offered);
  });
});
