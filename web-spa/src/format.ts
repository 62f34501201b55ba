// Display helpers shared by the pages. Times: formatTime in details and prose, formatShortTime in tables and lists.

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/**
 * A time for a table cell: "Nov 29, 2:47 PM" (the year only when it is not this year), short
 * enough to stay on one line at tablet width. The full time is in the cell's title.
 */
export function formatShortTime(iso: string | null | undefined, now: Date = new Date()): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, {
    month: 'short',
    day: 'numeric',
    ...(date.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
    hour: 'numeric',
    minute: '2-digit',
  });
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

/** "MISSING_REQUIRED_FIELD" → "Missing required field". */
export function categoryLabel(category: string): string {
  const words = category.toLowerCase().replace(/_/g, ' ').replace(/\bsis\b/g, 'SIS');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function clampPercent(percent: number | null | undefined): number {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return 0;
  return Math.min(100, Math.max(0, Math.round(percent)));
}

/** A value from an entity or the evidence, as text: null → em dash, objects → compact JSON. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A severity in words, as the badges and filters show it. */
export const SEVERITY_LABELS: Record<'error' | 'warning' | 'info', string> = { error: 'Error', warning: 'Warning', info: 'Info' };

/** A tool's machine word in plain words: "openClasses" → "Open classes", "set_field" → "Set field". */
export function wordsOf(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/\bsis\b/g, 'SIS');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Evidence as text an agent reads: instants as local times, lists joined, nothing as "none"; a
 * nested object becomes "name: value" pairs. Never JSON.
 */
export function evidenceText(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (typeof value === 'string') return INSTANT.test(value) ? formatTime(value) : value;
  if (typeof value === 'number') return value.toLocaleString('en-US');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length ? value.map(evidenceText).join(', ') : 'none';
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length ? entries.map(([k, v]) => `${wordsOf(k)}: ${evidenceText(v)}`).join('; ') : 'none';
  }
  return String(value);
}

/**
 * The server's UTC times inside a sentence ("… at 2026-11-29 14:30:05 UTC; …", or ISO with Z)
 * shown as the app shows every other time, in the agent's own zone.
 */
export function localTimesIn(text: string): string {
  return text.replace(/\b(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(?: UTC|Z)/g, (whole, day: string, time: string) => {
    const formatted = formatTime(`${day}T${time}Z`);
    return formatted === `${day}T${time}Z` ? whole : formatted;
  });
}
