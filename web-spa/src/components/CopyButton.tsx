import { useState } from 'react';

export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
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
      <button type="button" className="button-secondary button-small" onClick={copy}>
        {label}
      </button>
      <span role="status" className="copy-status">
        {state === 'copied' && 'Copied'}
        {state === 'failed' && 'Could not copy: select the text and copy it by hand'}
      </span>
    </span>
  );
}
