import type { ScreenProps } from './screen';

// Placeholder until this screen is built (issue 5).
export function Customers(_props: ScreenProps) {
  return (
    <section>
      <h1 tabIndex={-1}>Customers</h1>
    </section>
  );
}
