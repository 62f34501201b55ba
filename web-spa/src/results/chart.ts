// Scaling for the summary's bar chart: horizontal bars, the longest count filling the width.

export interface Bar {
  label: string;
  value: number;
  /** Bar length in chart units (0 only for a zero count). */
  length: number;
  /** Top of the bar's row. */
  y: number;
}

export interface BarLayout {
  bars: Bar[];
  height: number;
  max: number;
}

export const ROW_HEIGHT = 26;
/** A count of one among a hundred thousand still shows as a sliver, so no category looks empty. */
export const MIN_BAR = 3;

/** Bars for the counts, largest first (ties by label), scaled so that the largest is `width` long. */
export function barLayout(counts: Record<string, number>, width: number, label: (key: string) => string = (k) => k): BarLayout {
  const entries = Object.entries(counts)
    .filter(([, n]) => Number.isFinite(n) && n >= 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const max = entries.reduce((m, [, n]) => Math.max(m, n), 0);
  const bars = entries.map(([key, value], i) => ({
    label: label(key),
    value,
    length: value === 0 || max === 0 ? 0 : Math.max(MIN_BAR, Math.round((value / max) * width)),
    y: i * ROW_HEIGHT,
  }));
  return { bars, height: bars.length * ROW_HEIGHT, max };
}

/** The chart's text alternative: "Findings by category: Field drift 30, Missing in ours 12." */
export function chartDescription(title: string, bars: Bar[]): string {
  if (bars.length === 0) return `${title}: none.`;
  return `${title}: ${bars.map((b) => `${b.label} ${b.value.toLocaleString('en-US')}`).join(', ')}.`;
}
