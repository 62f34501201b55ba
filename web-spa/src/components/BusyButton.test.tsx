import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { BusyButton } from './BusyButton';

function Saver({ onSave }: { onSave: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  return (
    <BusyButton
      busy={busy}
      busyLabel="Saving…"
      onClick={async () => {
        setBusy(true);
        await onSave();
        setBusy(false);
      }}
    >
      Save
    </BusyButton>
  );
}

describe('BusyButton', () => {
  it('keeps keyboard focus while busy, ignores presses, and comes back', async () => {
    let finish!: () => void;
    const onSave = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    render(<Saver onSave={onSave} />);
    const user = userEvent.setup();
    await user.tab();
    await user.keyboard('{Enter}');
    const busy = screen.getByRole('button', { name: 'Saving…' });
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(busy);
    await user.keyboard('{Enter}');
    await user.click(busy);
    expect(onSave).toHaveBeenCalledTimes(1);
    finish();
    const again = await screen.findByRole('button', { name: 'Save' });
    expect(again.getAttribute('aria-disabled')).toBeNull();
    expect(document.activeElement).toBe(again);
  });

  it('does not submit its form while busy', async () => {
    const onSubmit = vi.fn((e: { preventDefault: () => void }) => e.preventDefault());
    render(
      <form onSubmit={onSubmit}>
        <BusyButton type="submit" busy busyLabel="Starting…">
          Start
        </BusyButton>
      </form>,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Starting…' }));
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
