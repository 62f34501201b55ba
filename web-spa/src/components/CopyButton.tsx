import { useState } from 'react';

/** `small` (the default) sits inside text and code; a full-size one sits in a row of buttons. */
export function CopyButton({ text, label = 'Copy', small = true }: { text: string; label?: string; small?: boolean }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    <span className="copy">
      <button type="button" className={small ? 'button-secondary button-small' : 'button-secondary'} onClick={copy}>
        {label}
      </button>
      <span role="status" className="copy-status">
        {state === 'copied' && 'Copied'}
        {state === 'failed' && 'Could not copy: select the text and copy it by hand'}
      </span>
    </span>
  );
}
