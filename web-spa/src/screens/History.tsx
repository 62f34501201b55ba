import type { ScreenProps } from './screen';

// Placeholder until this screen is built (issue 5).
export function History(_props: ScreenProps) {
  return (
    <section>
      <h1 tabIndex={-1}>History</h1>
    </section>
  );
}
