import type { ScreenProps } from './screen';

// Placeholder until this screen is built (issue 5).
export function CustomerPage(_props: ScreenProps) {
  return (
    <section>
      <h1 tabIndex={-1}>Customer</h1>
    </section>
  );
}
