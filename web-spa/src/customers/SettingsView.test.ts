import { describe, expect, it } from 'vitest';
import { minutesInWords } from './SettingsView';

describe('minutesInWords', () => {
  it.each([
    [1, '1 minute'],
    [10, '10 minutes'],
    [60, '60 minutes (1 hour)'],
    [90, '90 minutes (1 hour 30 minutes)'],
    [1440, '1440 minutes (1 day)'],
    [10080, '10080 minutes (7 days)'],
    [1501, '1501 minutes (1 day 1 hour 1 minute)'],
  ])('%i reads "%s"', (minutes, words) => {
    expect(minutesInWords(minutes)).toBe(words);
  });
});
