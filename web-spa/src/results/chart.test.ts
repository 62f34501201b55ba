import { describe, expect, it } from 'vitest';
import { barLayout, chartDescription, MIN_BAR, ROW_HEIGHT } from './chart';

describe('summary chart scaling', () => {
  it('scales the largest count to the full width, largest first', () => {
    const { bars, height, max } = barLayout({ B: 50, A: 100, C: 25 }, 300);
    expect(max).toBe(100);
    expect(bars.map((b) => [b.label, b.length, b.y])).toEqual([
      ['A', 300, 0],
      ['B', 150, ROW_HEIGHT],
      ['C', 75, 2 * ROW_HEIGHT],
    ]);
    expect(height).toBe(3 * ROW_HEIGHT);
  });

  it('keeps a tiny count visible and a zero count empty', () => {
    const { bars } = barLayout({ BIG: 100_000, ONE: 1, NONE: 0 }, 300);
    expect(bars.map((b) => b.length)).toEqual([300, MIN_BAR, 0]);
  });

  it('orders ties by name and ignores counts that are not numbers', () => {
    const { bars } = barLayout({ Z: 2, A: 2, BAD: Number.NaN, NEG: -1 }, 100);
    expect(bars.map((b) => b.label)).toEqual(['A', 'Z']);
  });

  it('handles nothing to draw', () => {
    expect(barLayout({}, 300)).toEqual({ bars: [], height: 0, max: 0 });
    expect(barLayout({ A: 0 }, 300).bars[0]!.length).toBe(0);
  });

  it('labels the bars and says the same in words', () => {
    const { bars } = barLayout({ FIELD_DRIFT: 1200, MISSING_IN_OURS: 3 }, 300, (k) => k.toLowerCase());
    expect(chartDescription('Findings by category', bars)).toBe('Findings by category: field_drift 1,200, missing_in_ours 3.');
    expect(chartDescription('Findings by category', [])).toBe('Findings by category: none.');
  });
});
