import type { ScreenProps } from './screen';

// Placeholder until this screen is built (issue 5).
export function ComparePage(_props: ScreenProps) {
  return (
    <section>
      <h1 tabIndex={-1}>Compare runs</h1>
    </section>
  );
}
