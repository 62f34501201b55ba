import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

// axe-core's WCAG 2.0 and 2.1 level A and AA rules on the page as it is now. A failure lists each
// violated rule with its impact, what it means, and the elements that break it, so that the
// message alone says what to fix.

export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Options {
  /** CSS selectors left out of the check (for a known, reported violation owned elsewhere). */
  exclude?: string[];
}

export async function accessibilityViolations(page: Page, options: Options = {}): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_21_AA);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  return violations.map((v) => {
    const nodes = v.nodes
      .slice(0, 5)
      .map((n) => `    - ${n.target.join(' ')}${n.failureSummary ? `: ${n.failureSummary.replace(/\s+/g, ' ').trim()}` : ''}`);
    const more = v.nodes.length > 5 ? [`    … and ${v.nodes.length - 5} more`] : [];
    return [`${v.id} (${v.impact ?? 'unknown impact'}): ${v.help} [${v.helpUrl}]`, ...nodes, ...more].join('\n');
  });
}

/** Fails the test with a readable list when the page breaks a WCAG 2.1 A/AA rule that axe checks. */
export async function expectAccessible(page: Page, screen: string, options: Options = {}): Promise<void> {
  const violations = await accessibilityViolations(page, options);
  expect(violations, `Accessibility problems on ${screen}:\n${violations.join('\n')}`).toEqual([]);
}
