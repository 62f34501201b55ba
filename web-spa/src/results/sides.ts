// A finding's records side by side: one column per record (SIS first, then ours), one row per
// field, and which rows disagree. A side without a record gets a "no record" column, so that
// "missing on our side" reads as such rather than as an empty table.

import type { EntityRef, Finding } from '../api/types';
import { displayValue } from '../format';

const SIDE_NAMES: Record<EntityRef['side'], string> = { sis: 'SIS', ours: 'Ours' };

export interface Column {
  side: EntityRef['side'];
  heading: string;
  entity: EntityRef | null;
}

export interface Row {
  field: string;
  /** The value per column as shown ('' under a "no record" column). */
  cells: string[];
  differs: boolean;
}

export function comparisonColumns(finding: Finding): Column[] {
  const columns: Column[] = [];
  for (const side of ['sis', 'ours'] as const) {
    const onSide = finding.entities.filter((e) => e.side === side);
    if (onSide.length === 0) columns.push({ side, heading: `${SIDE_NAMES[side]}: no record`, entity: null });
    for (const entity of onSide) columns.push({ side, heading: `${SIDE_NAMES[side]} ${entity.type} ${entity.key}`, entity });
  }
  return columns;
}

/** Every field any record carries, in first-seen order. */
export function comparisonFields(finding: Finding): string[] {
  const fields: string[] = [];
  for (const entity of finding.entities) {
    for (const field of Object.keys(entity.values ?? {})) if (!fields.includes(field)) fields.push(field);
  }
  return fields;
}

/**
 * True when the records that exist disagree on this field. Values are compared as shown, so a
 * blank, a null and a field the record lacks count as the same "—" (the agent sees no difference
 * there either). With one record there is nothing to differ from.
 */
export function differs(columns: Column[], field: string): boolean {
  const present = columns.filter((c) => c.entity).map((c) => displayValue(c.entity!.values?.[field]));
  return present.length > 1 && new Set(present).size > 1;
}

/**
 * The fields a tool itself reports as differing: evidence `fields: [{field, sis, ours}, …]` (as field
 * drift has it). Null when the evidence says nothing of the kind.
 */
export function fieldsNamedByTool(finding: Finding): Set<string> | null {
  const listed = finding.evidence?.fields;
  if (!Array.isArray(listed) || listed.length === 0) return null;
  const names = listed.map((f) => (f && typeof f === 'object' ? (f as Record<string, unknown>).field : undefined));
  return names.every((n) => typeof n === 'string') ? new Set(names as string[]) : null;
}

/**
 * Rows of the side-by-side table. When the tool names the fields that differ, those are the
 * differences (a campus shown as the SIS's org id on one side and our campus key on the other is
 * not one); otherwise the values as shown are compared.
 */
export function comparisonRows(finding: Finding): { columns: Column[]; rows: Row[] } {
  const columns = comparisonColumns(finding);
  const named = columns.filter((c) => c.entity).length > 1 ? fieldsNamedByTool(finding) : null;
  const rows = comparisonFields(finding).map((field) => ({
    field,
    cells: columns.map((c) => (c.entity ? displayValue(c.entity.values?.[field]) : '')),
    differs: named ? named.has(field) : differs(columns, field),
  }));
  return { columns, rows };
}

/** Engineers and admins see the SQL of a resolution; agents the description only. */
export function maySeeScripts(roles: readonly string[]): boolean {
  return roles.includes('engineer') || roles.includes('admin');
}
