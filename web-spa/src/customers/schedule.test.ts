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
    const count = (n: number) =>
      `must have five fields separated by spaces: minute hour day-of-month month day-of-week (e.g. 0 6 * * 1-5 for 6:00 on weekdays); it has ${n}`;
    expect(cronProblem('0 6 * *')).toBe(count(4));
    expect(cronProblem('0 0 6 * * 1-5')).toBe(count(6));
    expect(cronProblem('@daily')).toBe(count(1));
  });

  it.each([
    ['60 6 * * *', "has '60' in the minute field; use *, a number from 0 to 59, a range, a step or a list"],
    ['0 24 * * *', "has '24' in the hour field; use *, a number from 0 to 23, a range, a step or a list"],
    ['0 6 0 * *', "has '0' in the day of month field; use *, a number from 1 to 31, a range, a step or a list"],
    ['0 6 32 * *', "has '32' in the day of month field; use *, a number from 1 to 31, a range, a step or a list"],
    ['0 6 * 13 *', "has '13' in the month field; use *, a number from 1 to 12 or JAN–DEC, a range, a step or a list"],
    ['0 6 * * 8', "has '8' in the day of week field; use *, a number from 0 to 7 or SUN–SAT, a range, a step or a list"],
    ['0 6 * * MON-', "has 'MON-' in the day of week field; use *, a number from 0 to 7 or SUN–SAT, a range, a step or a list"],
    ['a 6 * * *', "has 'a' in the minute field; use *, a number from 0 to 59, a range, a step or a list"],
    ['0 6 ,1 * *', "has '' in the day of month field; use *, a number from 1 to 31, a range, a step or a list"],
    ['0 6 L * *', "has 'L' in the day of month field; use *, a number from 1 to 31, a range, a step or a list"],
    ['0 6 * * 5-1', "has the range '5-1' in the day of week field running backwards"],
    ['0 6 * * FRI-MON', "has the range 'FRI-MON' in the day of week field running backwards"],
    ['*/0 * * * *', "has a step '0' in the minute field that is not a number from 1 to 59"],
    ['*/60 * * * *', "has a step '60' in the minute field that is not a number from 1 to 59"],
    ['0 6 * * 1/2/3', "has a step '2/3' in the day of week field that is not a number from 1 to 7"],
  ])('refuses %s in the server’s words', (cron, message) => {
    expect(cronProblem(cron)).toBe(message);
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
