import type { ButtonHTMLAttributes, MouseEvent, ReactNode } from 'react';

/**
 * A button that stays focusable while its action runs. A `disabled` button drops keyboard focus to
 * the page body, so an agent who pressed Enter lost their place; this one is only marked
 * `aria-disabled` and ignores presses until the action is done.
 */
export function BusyButton({
  busy,
  busyLabel,
  children,
  onClick,
  className = 'button-secondary',
  type = 'button',
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  /** While true the button ignores presses but keeps focus (`disabled` is for a button that cannot be used at all). */
  busy: boolean;
  /** Shown while busy, e.g. "Saving…". */
  busyLabel: ReactNode;
}) {
  return (
    <button
      {...rest}
      type={type}
      className={className}
      aria-disabled={busy || undefined}
      onClick={(e: MouseEvent<HTMLButtonElement>) => {
        if (busy) {
          e.preventDefault();
          return;
        }
        onClick?.(e);
      }}
    >
      {busy ? busyLabel : children}
    </button>
  );
}
