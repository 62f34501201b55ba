import { describe, expect, it } from 'vitest';
import { categoryLabel, evidenceText, formatShortTime, formatTime, localTimesIn, wordsOf } from './format';

describe('categoryLabel', () => {
  it.each([
    ['MISSING_REQUIRED_FIELD', 'Missing required field'],
    ['DUPLICATE_IN_SIS', 'Duplicate in SIS'],
    ['MISSING_HERE_PRESENT_IN_SIS', 'Missing here present in SIS'],
    ['SISTER_RECORD', 'Sister record'],
  ])('%s → %s', (category, label) => expect(categoryLabel(category)).toBe(label));
});

describe('wordsOf', () => {
  it.each([
    ['openClasses', 'Open classes'],
    ['deactivate', 'Deactivate'],
    ['set_field', 'Set field'],
    ['merge-into', 'Merge into'],
    ['sisId', 'SIS id'],
    ['ourCampusSisOrg', 'Our campus SIS org'],
  ])('%s → %s', (key, words) => expect(wordsOf(key)).toBe(words));
});

describe('evidenceText', () => {
  it('says nothing in words, never null', () => {
    expect(evidenceText(null)).toBe('none');
    expect(evidenceText(undefined)).toBe('none');
    expect(evidenceText([])).toBe('none');
  });

  it('shows instants as local times and keeps other text as it is', () => {
    expect(evidenceText('2026-11-15T06:00:00Z')).toBe(formatTime('2026-11-15T06:00:00Z'));
    expect(evidenceText('2026-11-15')).toBe('2026-11-15');
    expect(evidenceText('students.csv')).toBe('students.csv');
  });

  it('reads numbers, yes/no and lists as words', () => {
    expect(evidenceText(12345)).toBe('12,345');
    expect(evidenceText(true)).toBe('yes');
    expect(evidenceText(['cls-1', 'cls-2'])).toBe('cls-1, cls-2');
  });

  it('turns a nested object into named pairs, not JSON', () => {
    const text = evidenceText({ campusId: 'sch-1', lastSync: null, terms: ['Fall'] });
    expect(text).toBe('Campus id: sch-1; Last sync: none; Terms: Fall');
    expect(text).not.toMatch(/[{}"]/);
  });
});

describe('formatShortTime', () => {
  const now = new Date('2026-11-29T15:00:00Z');
  it('leaves out seconds, and the year when it is this year', () => {
    const text = formatShortTime('2026-11-29T14:47:16Z', now);
    expect(text).not.toContain('2026');
    expect(text).not.toMatch(/:16/);
    expect(text).toMatch(/Nov/);
  });
  it('names the year of an older run', () => {
    expect(formatShortTime('2025-03-02T09:00:00Z', now)).toContain('2025');
  });
  it('shows a dash for no time', () => expect(formatShortTime(null, now)).toBe('—'));
});

describe('localTimesIn', () => {
  it('shows the server’s UTC times in a sentence as the app shows times', () => {
    expect(localTimesIn('Someone else changed these settings at 2026-11-29 14:30:05 UTC; reload them.')).toBe(
      `Someone else changed these settings at ${formatTime('2026-11-29T14:30:05Z')}; reload them.`,
    );
    expect(localTimesIn('at 2026-11-29T09:30:00Z.')).toBe(`at ${formatTime('2026-11-29T09:30:00Z')}.`);
  });
  it('leaves dates without a time alone', () => expect(localTimesIn('on 2026-11-29 only')).toBe('on 2026-11-29 only'));
});
