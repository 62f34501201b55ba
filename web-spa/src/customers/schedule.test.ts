import { describe, expect, it } from 'vitest';
import { cronProblem, describeSchedule, isTimeZone } from './schedule';

describe('cronProblem', () => {
  it.each([
    '0 6 * * 1-5',
    '*/15 * * * *',
    '30 2 1 * *',
    '0 0 * * 0',
    '0 0 * * 7',
    '0 6,18 * * MON-FRI',
    '5 4 * JAN,jul *',
    '0-30/10 8-17 1-15 1-12 1,3,5',
  ])('accepts %s', (cron) => {
    expect(cronProblem(cron)).toBeNull();
  });

  it('counts the fields', () => {
    expect(cronProblem('0 6 * *')).toMatch(/must have 5 fields .* this has 4/);
    expect(cronProblem('0 0 6 * * 1-5')).toMatch(/this has 6/);
    expect(cronProblem('')).toMatch(/this has 0/);
    expect(cronProblem('@daily')).toMatch(/must have 5 fields/);
  });

  it.each([
    ['60 6 * * *', 'minute'],
    ['0 24 * * *', 'hour'],
    ['0 6 0 * *', 'day of the month'],
    ['0 6 32 * *', 'day of the month'],
    ['0 6 * 13 *', 'month'],
    ['0 6 * * 8', 'day of the week'],
    ['0 6 * * 5-1', 'day of the week'],
    ['0 6 * * MON-', 'day of the week'],
    ['*/0 * * * *', 'minute'],
    ['a 6 * * *', 'minute'],
    ['0 6 * * 1/2/3', 'day of the week'],
    ['0 6 ,1 * *', 'day of the month'],
    ['0 6 L * *', 'day of the month'],
  ])('refuses %s, naming the %s field', (cron, field) => {
    expect(cronProblem(cron)).toContain(`the ${field} field`);
  });
});

describe('describeSchedule', () => {
  const zone = 'America/Chicago';
  it.each([
    ['0 6 * * 1-5', 'Weekdays at 06:00 America/Chicago'],
    ['0 6 * * MON-FRI', 'Weekdays at 06:00 America/Chicago'],
    ['30 18 * * *', 'Every day at 18:30 America/Chicago'],
    ['0 7 * * 0,6', 'Weekends at 07:00 America/Chicago'],
    ['0 7 * * 6,7', 'Weekends at 07:00 America/Chicago'],
    ['15 5 * * 1', 'Mondays at 05:15 America/Chicago'],
    ['0 5 * * 1,3,5', 'Mondays, Wednesdays and Fridays at 05:00 America/Chicago'],
    ['0 5 * * 0,1', 'Mondays and Sundays at 05:00 America/Chicago'],
    ['0 5 * * 0-6', 'Every day at 05:00 America/Chicago'],
    ['0 2 1 * *', 'On day 1 of every month at 02:00 America/Chicago'],
    ['20 * * * *', 'Every hour at 20 minutes past (America/Chicago)'],
  ])('%s reads "%s"', (cron, words) => {
    expect(describeSchedule({ cron, timezone: zone })).toBe(words);
  });

  it.each(['*/15 * * * *', '0 6,18 * * 1-5', '0 6 * 1 *', '0 6 1 * 1', '0 6 * * */2', 'not a cron'])(
    'keeps %s as the cron itself',
    (cron) => {
      expect(describeSchedule({ cron, timezone: zone })).toBe(`${cron} (cron, America/Chicago)`);
    },
  );
});

describe('isTimeZone', () => {
  it('knows IANA zones and the UTC alias', () => {
    expect(isTimeZone('America/Chicago')).toBe(true);
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
  });

  it('refuses what is no zone', () => {
    expect(isTimeZone('Chicago time')).toBe(false);
    expect(isTimeZone('America/Springfield')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
