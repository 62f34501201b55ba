import type { ScreenProps } from './screen';

// Placeholder until this screen is built (issue 5).
export function Dashboard(_props: ScreenProps) {
  return (
    <section>
      <h1 tabIndex={-1}>Dashboard</h1>
    </section>
  );
}
