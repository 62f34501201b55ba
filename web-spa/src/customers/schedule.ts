// The district's SIS sync schedule: a standard 5-field cron (minute hour day-of-month month
// day-of-week) in an IANA timezone. Checked here as the server checks it, and put in words for
// the simple cases agents meet every day.

interface CronField {
  label: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;

const FIELDS: readonly CronField[] = [
  { label: 'minute', min: 0, max: 59 },
  { label: 'hour', min: 0, max: 23 },
  { label: 'day of the month', min: 1, max: 31 },
  { label: 'month', min: 1, max: 12, names: MONTHS },
  { label: 'day of the week', min: 0, max: 7, names: DAYS },
];

function valueOf(text: string, field: CronField): number | null {
  if (/^\d{1,2}$/.test(text)) {
    const n = Number(text);
    return n >= field.min && n <= field.max ? n : null;
  }
  if (field.names) {
    const i = field.names.indexOf(text.toUpperCase() as never);
    if (i >= 0) return field === FIELDS[3] ? i + 1 : i;
  }
  return null;
}

/** One list item of a field: `*`, `n`, `a-b`, each optionally `/step`. */
function itemOk(item: string, field: CronField): boolean {
  const [range, step, ...rest] = item.split('/');
  if (rest.length || range === undefined || range === '') return false;
  if (step !== undefined && !(/^\d{1,2}$/.test(step) && Number(step) >= 1 && Number(step) <= field.max)) return false;
  if (range === '*') return true;
  const bounds = range.split('-');
  if (bounds.length > 2) return false;
  const values = bounds.map((b) => valueOf(b, field));
  if (values.some((v) => v === null)) return false;
  return values.length === 1 || (values[0] as number) <= (values[1] as number);
}

/** Why a cron expression is not a standard 5-field one, or null when it is. */
export function cronProblem(cron: string): string | null {
  const parts = cron.trim().split(/\s+/).filter(Boolean);
  if (parts.length !== 5) {
    return `must have 5 fields (minute hour day-of-month month day-of-week), e.g. 0 6 * * 1-5; this has ${parts.length}`;
  }
  for (let i = 0; i < 5; i++) {
    const field = FIELDS[i]!;
    const part = parts[i]!;
    if (!part.split(',').every((item) => itemOk(item, field))) {
      return `the ${field.label} field "${part}" is not valid (use numbers ${field.min}–${field.max}, *, ranges a-b, lists a,b or steps */n)`;
    }
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
