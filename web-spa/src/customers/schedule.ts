// The district's SIS sync schedule: a standard 5-field cron (minute hour day-of-month month
// day-of-week) in an IANA timezone. Checked here as the server checks it, and put in words for
// the simple cases agents meet every day.

interface CronField {
  label: string;
  min: number;
  max: number;
  names: readonly string[];
  /** The value of the first name (JAN is 1, SUN is 0). */
  firstNameValue: number;
}

const FIELDS: readonly CronField[] = [
  { label: 'minute', min: 0, max: 59, names: [], firstNameValue: 0 },
  { label: 'hour', min: 0, max: 23, names: [], firstNameValue: 0 },
  { label: 'day of month', min: 1, max: 31, names: [], firstNameValue: 0 },
  { label: 'month', min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'], firstNameValue: 1 },
  // 0 and 7 are both Sunday.
  { label: 'day of week', min: 0, max: 7, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'], firstNameValue: 0 },
];

function numberOf(text: string): number | null {
  return /^\d{1,4}$/.test(text) ? Number(text) : null;
}

function valueOf(text: string, field: CronField): number | null {
  const n = numberOf(text);
  if (n === null) {
    const at = field.names.indexOf(text.toUpperCase());
    return at < 0 ? null : at + field.firstNameValue;
  }
  return n < field.min || n > field.max ? null : n;
}

function allowed(field: CronField): string {
  const names = field.names.length ? ` or ${field.names[0]}–${field.names[field.names.length - 1]}` : '';
  return `*, a number from ${field.min} to ${field.max}${names}, a range, a step or a list`;
}

/** What is wrong with one field (`*`, `n`, `a-b`, each optionally `/step`, in a list), in the server's words. */
function fieldProblem(field: CronField, text: string): string | null {
  for (const item of text.split(',')) {
    let range = item;
    const slash = item.indexOf('/');
    if (slash >= 0) {
      range = item.slice(0, slash);
      const step = numberOf(item.slice(slash + 1));
      if (step === null || step < 1 || step > field.max) {
        return `has a step '${item.slice(slash + 1)}' in the ${field.label} field that is not a number from 1 to ${field.max}`;
      }
    }
    if (range === '*') continue;
    const dash = range.indexOf('-');
    const from = valueOf(dash >= 0 ? range.slice(0, dash) : range, field);
    const to = dash >= 0 ? valueOf(range.slice(dash + 1), field) : from;
    if (from === null || to === null) return `has '${item}' in the ${field.label} field; use ${allowed(field)}`;
    if (from > to) return `has the range '${range}' in the ${field.label} field running backwards`;
  }
  return null;
}

/**
 * Why a cron expression is not a standard 5-field one, or null when it is; the same checks and
 * words as the server's CronCheck.
 */
export function cronProblem(cron: string): string | null {
  const parts = cron.trim().split(/\s+/);
  if (parts.length !== 5) {
    return (
      'must have five fields separated by spaces: minute hour day-of-month month day-of-week ' +
      `(e.g. 0 6 * * 1-5 for 6:00 on weekdays); it has ${parts.length}`
    );
  }
  for (let i = 0; i < 5; i++) {
    const problem = fieldProblem(FIELDS[i]!, parts[i]!);
    if (problem) return problem;
  }
  return null;
}

let zones: Set<string> | null | undefined;

/** The IANA zones the browser knows, or null when it cannot list them. */
export function knownTimeZones(): string[] | null {
  if (zones === undefined) {
    const intl = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
    try {
      zones = intl.supportedValuesOf ? new Set(intl.supportedValuesOf('timeZone')) : null;
    } catch {
      zones = null;
    }
  }
  return zones ? [...zones] : null;
}

/**
 * Whether `zone` is an IANA timezone. The browser's list holds canonical names only, so aliases
 * the server also accepts (UTC, Asia/Calcutta) are confirmed by formatting a date in them.
 */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return false;
  knownTimeZones();
  if (zones?.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const DAY_NAMES = ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays'];

function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function daysInWords(dow: string): string | null {
  if (dow === '*') return 'Every day';
  const set = new Set<number>();
  for (const item of dow.split(',')) {
    if (item.includes('/')) return null;
    const bounds = item.split('-').map((b) => valueOf(b, FIELDS[4]!));
    if (bounds.some((b) => b === null) || bounds.length > 2) return null;
    const [from, to = from] = bounds as number[];
    for (let d = from!; d <= to!; d++) set.add(d % 7);
  }
  const days = [...set].sort((a, b) => a - b);
  const key = days.join(',');
  if (key === '1,2,3,4,5') return 'Weekdays';
  if (key === '0,6') return 'Weekends';
  if (days.length === 7) return 'Every day';
  // Monday first, as a week reads at school.
  const ordered = [...days.filter((d) => d !== 0), ...days.filter((d) => d === 0)];
  return listInWords(ordered.map((d) => DAY_NAMES[d]!));
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "Weekdays at 06:00 America/Chicago" for the simple schedules (a fixed time on some days of the
 * week, or a day of the month); otherwise the cron itself with its timezone.
 */
export function describeSchedule(schedule: { cron: string; timezone: string }): string {
  const cron = schedule.cron.trim();
  const zone = schedule.timezone.trim();
  const raw = `${cron} (cron, ${zone})`;
  if (cronProblem(cron)) return raw;
  const [minute, hour, dom, month, dow] = cron.split(/\s+/) as [string, string, string, string, string];
  if (!/^\d+$/.test(minute) || month !== '*') return raw;
  if (/^\d+$/.test(hour)) {
    const at = `at ${pad(Number(hour))}:${pad(Number(minute))} ${zone}`;
    if (dom === '*') {
      const days = daysInWords(dow);
      return days ? `${days} ${at}` : raw;
    }
    if (/^\d+$/.test(dom) && dow === '*') return `On day ${Number(dom)} of every month ${at}`;
    return raw;
  }
  if (hour === '*' && dom === '*' && dow === '*') return `Every hour at ${pad(Number(minute))} minutes past (${zone})`;
  return raw;
}
