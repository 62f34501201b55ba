import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CopyButton } from './CopyButton';

describe('CopyButton', () => {
  afterEach(() => Reflect.deleteProperty(navigator, 'clipboard'));

  it('copies the text and says so', async () => {
    const user = userEvent.setup(); // installs its own clipboard; ours replaces it below
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<CopyButton text="SELECT 1;" label="Copy script" />);
    await user.click(screen.getByRole('button', { name: 'Copy script' }));
    expect(writeText).toHaveBeenCalledWith('SELECT 1;');
    expect(screen.getByRole('status').textContent).toBe('Copied');
  });

  it('asks for a manual copy when the browser refuses', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn().mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<CopyButton text="SELECT 1;" />);
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(screen.getByRole('status').textContent).toBe('Could not copy: select the text and copy it by hand');
  });
});
