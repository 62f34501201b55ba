import type { FieldError } from '../api/client';
import { SIS_TYPES, type Customer, type CustomerSettings, type CustomerUpdate } from '../api/customers';
import { cronProblem, isTimeZone } from './schedule';

// The settings form as plain data: the values as typed, the checks the server makes
// (CustomerSettingsCheck, the connectors' location rules and the schedule) so that an admin sees
// every problem before saving, and the server's 422 field paths mapped back onto the fields.

export const MIN_TTL_MINUTES = 1;
export const MAX_TTL_MINUTES = 10_080;
export const MAX_OPTIONS = 20;
export const MAX_OPTION_LENGTH = 500;
export const DEFAULT_INSTANCES = ['production', 'staging'] as const;

/**
 * The instances the form offers and accepts: exactly the server's configured ones when it names
 * them (a stored value outside them is shown but must be changed, as the server would refuse it);
 * else the defaults and whatever is stored (an older server that does not say).
 */
export function instanceChoices(configured: readonly string[] | undefined, stored: string | undefined): string[] {
  if (configured?.length) return [...configured];
  return stored && !(DEFAULT_INSTANCES as readonly string[]).includes(stored) ? [...DEFAULT_INSTANCES, stored] : [...DEFAULT_INSTANCES];
}

export interface OptionRow {
  /** Stable React key; not sent. */
  rowId: number;
  name: string;
  value: string;
}

export interface SettingsFormValues {
  name: string;
  sisType: string;
  location: string;
  secretRef: string;
  options: OptionRow[];
  instance: string;
  customerKey: string;
  ttlSis: string;
  ttlOurs: string;
  cron: string;
  timezone: string;
}

/** The JSON path of each field, in the order the form shows them (the first invalid one gets focus). */
export const FIELD_PATHS = {
  name: 'name',
  sisType: 'settings.sis.type',
  location: 'settings.sis.location',
  secretRef: 'settings.sis.secretRef',
  options: 'settings.sis.options',
  instance: 'settings.ours.instance',
  customerKey: 'settings.ours.customerKey',
  ttlSis: 'settings.snapshotTtlMinutes.sis',
  ttlOurs: 'settings.snapshotTtlMinutes.ours',
  cron: 'settings.schedule.cron',
  timezone: 'settings.schedule.timezone',
} as const satisfies Partial<Record<keyof SettingsFormValues, string>>;

export type FieldKey = keyof typeof FIELD_PATHS;
export const FIELD_ORDER = Object.keys(FIELD_PATHS) as FieldKey[];

/** Where a whole group's error lands when the server names the group rather than a field. */
const GROUP_FIELDS: Record<string, FieldKey> = {
  settings: 'sisType',
  'settings.sis': 'sisType',
  'settings.ours': 'instance',
  'settings.snapshotTtlMinutes': 'ttlSis',
  'settings.schedule': 'cron',
};

/** Field errors keyed by JSON path (an option's value: `settings.sis.options.<name>`). */
export type FormErrors = Record<string, string>;

let nextRowId = 1;
export function optionRow(name = '', value = ''): OptionRow {
  return { rowId: nextRowId++, name, value };
}

export function formValuesOf(customer: Customer): SettingsFormValues {
  const s = customer.settings;
  return {
    name: customer.name,
    sisType: s.sis?.type ?? '',
    location: s.sis?.location ?? '',
    secretRef: s.sis?.secretRef ?? '',
    options: Object.entries(s.sis?.options ?? {}).map(([name, value]) => optionRow(name, value)),
    instance: s.ours?.instance ?? '',
    customerKey: s.ours?.customerKey ?? '',
    ttlSis: s.snapshotTtlMinutes?.sis === undefined ? '' : String(s.snapshotTtlMinutes.sis),
    ttlOurs: s.snapshotTtlMinutes?.ours === undefined ? '' : String(s.snapshotTtlMinutes.ours),
    cron: s.schedule?.cron ?? '',
    timezone: s.schedule?.timezone ?? '',
  };
}

const CUSTOMER_KEY = /^[A-Za-z0-9_.:-]{1,128}$/;
const OPTION_NAME = /^[a-zA-Z][a-zA-Z0-9-]{0,63}$/;
const SECRET_REF = /^(env|file|aws-sm):[A-Za-z0-9_./:-]+$/;

/** A web address the OneRoster and ClassLink connectors accept: https, or http on this machine only. */
function webAddressProblem(location: string): string | null {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    return 'must be a web address starting with https://';
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return 'must start with https://';
  if (!url.hostname) return 'must name the server, e.g. https://sis.district.org/ims/oneroster/v1p1';
  if (url.username || url.password) return 'must not hold a username or password (those belong in the secret)';
  if (location.includes('#')) return 'must not contain a # fragment';
  return null;
}

/** A OneRoster CSV location: a file or folder path here, or an sftp://, ftps:// or ftp:// address. */
function csvLocationProblem(location: string): string | null {
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(location)?.[1]?.toLowerCase();
  if (!scheme) return null;
  if (!['sftp', 'ftps', 'ftp'].includes(scheme)) {
    return 'must be a file or folder path, or an sftp://, ftps:// or ftp:// address (a web address belongs to the OneRoster API type)';
  }
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    return `is not a valid ${scheme}:// address`;
  }
  if (!url.hostname) return `must name the server, e.g. ${scheme}://sftp.district.org/exports`;
  if (url.username || url.password) return 'must not hold a username or password (those belong in the secret)';
  return null;
}

function ttlProblem(text: string): string | null {
  const value = text.trim();
  if (!value) return 'is required';
  if (!/^-?\d+$/.test(value)) return 'must be a whole number of minutes';
  const minutes = Number(value);
  if (minutes < MIN_TTL_MINUTES || minutes > MAX_TTL_MINUTES) {
    return `must be between ${MIN_TTL_MINUTES} and ${MAX_TTL_MINUTES} minutes (one week)`;
  }
  return null;
}

export interface CheckOptions {
  /** The instances of our database this deployment knows. */
  instances?: readonly string[];
  /** Injected in tests; the browser's own check otherwise. */
  isTimeZone?: (zone: string) => boolean;
}

/** Every problem with the values, keyed by JSON path, in the server's words; empty when all is well. */
export function checkSettings(values: SettingsFormValues, options: CheckOptions = {}): FormErrors {
  const instances = options.instances ?? DEFAULT_INSTANCES;
  const timeZoneOk = options.isTimeZone ?? isTimeZone;
  const errors: FormErrors = {};
  const add = (path: string, message: string) => {
    if (!errors[path]) errors[path] = message;
  };

  const name = values.name.trim();
  if (!name) add('name', 'is required');
  else if (name.length > 200) add('name', 'must have at most 200 characters');

  const type = values.sisType.trim();
  if (!type) add(FIELD_PATHS.sisType, `is required (one of ${SIS_TYPES.join(', ')})`);
  else if (!(SIS_TYPES as readonly string[]).includes(type)) add(FIELD_PATHS.sisType, `must be one of ${SIS_TYPES.join(', ')}`);

  const location = values.location.trim();
  if (!location) add(FIELD_PATHS.location, 'is required (the URL, host or path of the SIS data)');
  else {
    const problem =
      type === 'oneroster-rest' || type === 'classlink'
        ? webAddressProblem(location)
        : type === 'oneroster-csv'
          ? csvLocationProblem(location)
          : null;
    if (problem) add(FIELD_PATHS.location, problem);
  }

  const secretRef = values.secretRef.trim();
  if (secretRef && !SECRET_REF.test(secretRef)) {
    add(FIELD_PATHS.secretRef, 'must be a reference such as env:NAME, file:/path or aws-sm:NAME, never the secret itself');
  }

  const rows = values.options.filter((r) => r.name.trim() || r.value.trim());
  if (rows.length > MAX_OPTIONS) add(FIELD_PATHS.options, `may hold at most ${MAX_OPTIONS} settings`);
  const seen = new Set<string>();
  for (const row of rows) {
    const optionName = row.name.trim();
    if (!optionName) add(FIELD_PATHS.options, `the setting with the value "${shorten(row.value)}" needs a name`);
    else if (!OPTION_NAME.test(optionName)) add(FIELD_PATHS.options, `'${optionName}' is not a valid setting name`);
    else if (seen.has(optionName)) add(FIELD_PATHS.options, `'${optionName}' is listed twice`);
    else if (row.value.length > MAX_OPTION_LENGTH) {
      add(`${FIELD_PATHS.options}.${optionName}`, `must be text of at most ${MAX_OPTION_LENGTH} characters`);
    }
    seen.add(optionName);
  }

  if (!values.instance.trim() || !instances.includes(values.instance.trim())) {
    add(FIELD_PATHS.instance, `must be one of ${instances.join(', ')}`);
  }
  const key = values.customerKey.trim();
  if (!key) add(FIELD_PATHS.customerKey, "is required (the district's key in our database)");
  else if (!CUSTOMER_KEY.test(key)) add(FIELD_PATHS.customerKey, "must be letters, digits, '.', '_', ':' or '-' (at most 128)");

  const ttlSis = ttlProblem(values.ttlSis);
  if (ttlSis) add(FIELD_PATHS.ttlSis, ttlSis);
  const ttlOurs = ttlProblem(values.ttlOurs);
  if (ttlOurs) add(FIELD_PATHS.ttlOurs, ttlOurs);

  // The schedule is optional, but half of one is a mistake.
  const cron = values.cron.trim();
  const zone = values.timezone.trim();
  if (cron || zone) {
    if (!cron) add(FIELD_PATHS.cron, 'is required when there is a schedule (five cron fields, e.g. 0 6 * * 1-5 for 6:00 on weekdays)');
    else {
      const problem = cronProblem(cron);
      if (problem) add(FIELD_PATHS.cron, problem);
    }
    if (!zone) add(FIELD_PATHS.timezone, "is required when there is a schedule (the district's time zone, e.g. America/Chicago)");
    else if (!timeZoneOk(zone)) {
      add(FIELD_PATHS.timezone, `must be a time zone name such as America/Chicago or Europe/London ('${shorten(zone)}' is not one)`);
    }
  }
  return errors;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** The PUT body: trimmed values, blank secret and schedule left out, the version the admin started from. */
export function updateOf(values: SettingsFormValues, expectedUpdatedAt?: string): CustomerUpdate {
  const options: Record<string, string> = {};
  for (const row of values.options) if (row.name.trim()) options[row.name.trim()] = row.value;
  const settings: CustomerSettings = {
    sis: {
      type: values.sisType.trim(),
      location: values.location.trim(),
      ...(values.secretRef.trim() ? { secretRef: values.secretRef.trim() } : {}),
      options,
    },
    ours: { instance: values.instance.trim(), customerKey: values.customerKey.trim() },
    snapshotTtlMinutes: { sis: Number(values.ttlSis.trim()), ours: Number(values.ttlOurs.trim()) },
    schedule: values.cron.trim() || values.timezone.trim() ? { cron: values.cron.trim(), timezone: values.timezone.trim() } : null,
  };
  return { name: values.name.trim(), settings, ...(expectedUpdatedAt ? { expectedUpdatedAt } : {}) };
}

/**
 * The server's 422 `errors` as form errors: a known field keeps its path, an option's value
 * stays on that option, a group lands on its first field, and anything else goes to `general`
 * (shown in the summary only).
 */
export function errorsFromServer(fieldErrors: FieldError[]): { errors: FormErrors; general: string[] } {
  const known = new Set<string>(Object.values(FIELD_PATHS));
  const errors: FormErrors = {};
  const general: string[] = [];
  for (const { field, message } of fieldErrors) {
    const path = field.trim();
    let target: string | null = null;
    if (known.has(path) || path.startsWith(`${FIELD_PATHS.options}.`)) target = path;
    else if (GROUP_FIELDS[path]) target = FIELD_PATHS[GROUP_FIELDS[path]];
    if (target) errors[target] = errors[target] ? `${errors[target]}; ${message}` : message;
    else general.push(path ? `${path} ${message}` : message);
  }
  return { errors, general };
}

/** The error paths in the order their fields appear, options' values right after the options group. */
export function orderedErrorPaths(errors: FormErrors): string[] {
  const rank = (path: string) => {
    const i = FIELD_ORDER.findIndex((k) => FIELD_PATHS[k] === path);
    if (i >= 0) return i;
    if (path.startsWith(`${FIELD_PATHS.options}.`)) return FIELD_ORDER.indexOf('options') + 0.5;
    return FIELD_ORDER.length;
  };
  return Object.keys(errors).sort((a, b) => rank(a) - rank(b));
}

const LABELS: Record<string, string> = {
  name: 'Name',
  'settings.sis.type': 'SIS type',
  'settings.sis.location': 'SIS location',
  'settings.sis.secretRef': 'Secret reference',
  'settings.sis.options': 'Connector options',
  'settings.ours.instance': 'Our database instance',
  'settings.ours.customerKey': 'Customer key',
  'settings.snapshotTtlMinutes.sis': 'SIS snapshot TTL',
  'settings.snapshotTtlMinutes.ours': 'Our snapshot TTL',
  'settings.schedule.cron': 'Sync schedule (cron)',
  'settings.schedule.timezone': 'Timezone',
};

/** The label an agent sees for a field path (also for audit entries that name changed fields). */
export function fieldLabel(path: string): string {
  if (LABELS[path]) return LABELS[path]!;
  if (path.startsWith(`${FIELD_PATHS.options}.`)) return `Connector option ${path.slice(FIELD_PATHS.options.length + 1)}`;
  return path;
}
