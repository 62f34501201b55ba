import type { JsonSchema } from '../api/types';

// Turns a tool's parameter schema (JSON Schema, the subset tools use) into form fields, and
// checks the agent's input before the run starts. The server checks again; this only saves a trip.

interface FieldBase {
  name: string;
  label: string;
  help?: string;
  required: boolean;
}

export type Field =
  | (FieldBase & { kind: 'select'; options: string[]; defaultValue: string })
  | (FieldBase & { kind: 'checkbox'; defaultValue: boolean })
  | (FieldBase & {
      kind: 'number';
      integer: boolean;
      min?: number;
      max?: number;
      exclusiveMin?: number;
      exclusiveMax?: number;
      step?: number;
      defaultValue: string;
    })
  | (FieldBase & {
      kind: 'text';
      /** "date" for a JSON Schema `format: date` (the browser's date picker; the value stays YYYY-MM-DD). */
      inputType: 'text' | 'date';
      minLength?: number;
      maxLength?: number;
      pattern?: string;
      defaultValue: string;
    })
  | (FieldBase & { kind: 'multi'; options: string[]; minItems?: number; maxItems?: number; defaultValue: string[] })
  | (FieldBase & { kind: 'unsupported'; defaultValue: undefined });

/** What the inputs hold: numbers stay as typed text until submit, so that a half-typed value is not lost. */
export type FormValue = string | boolean | string[] | undefined;
export type FormValues = Record<string, FormValue>;
export type FormErrors = Record<string, string>;

function primaryType(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  if (schema.type) return schema.type;
  if (schema.enum) return 'string';
  return undefined;
}

/** "minSeverity" / "min_severity" → "Min severity", for schemas without a title. */
export function humanise(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function fieldsFromSchema(schema: JsonSchema | null | undefined): Field[] {
  const properties = schema?.properties ?? {};
  const required = new Set(schema?.required ?? []);
  return Object.entries(properties).map(([name, prop]) => {
    const base: FieldBase = {
      name,
      label: prop.title ?? humanise(name),
      help: prop.description,
      required: required.has(name),
    };
    const type = primaryType(prop);
    if (type === 'string' && Array.isArray(prop.enum)) {
      const options = prop.enum.map(String);
      const fallback = base.required ? (options[0] ?? '') : '';
      return { ...base, kind: 'select', options, defaultValue: prop.default !== undefined ? String(prop.default) : fallback };
    }
    if (type === 'boolean') {
      return { ...base, kind: 'checkbox', defaultValue: prop.default === true };
    }
    if (type === 'number' || type === 'integer') {
      return {
        ...base,
        kind: 'number',
        integer: type === 'integer',
        min: prop.minimum,
        max: prop.maximum,
        exclusiveMin: prop.exclusiveMinimum,
        exclusiveMax: prop.exclusiveMaximum,
        step: prop.multipleOf ?? (type === 'integer' ? 1 : undefined),
        defaultValue: typeof prop.default === 'number' ? String(prop.default) : '',
      };
    }
    if (type === 'string') {
      return {
        ...base,
        kind: 'text',
        inputType: prop.format === 'date' ? 'date' : 'text',
        minLength: prop.minLength,
        maxLength: prop.maxLength,
        pattern: prop.pattern,
        defaultValue: typeof prop.default === 'string' ? prop.default : '',
      };
    }
    if (type === 'array' && prop.items && Array.isArray(prop.items.enum)) {
      const options = prop.items.enum.map(String);
      const defaults = Array.isArray(prop.default) ? prop.default.map(String) : [];
      return { ...base, kind: 'multi', options, minItems: prop.minItems, maxItems: prop.maxItems, defaultValue: defaults };
    }
    return { ...base, kind: 'unsupported', defaultValue: undefined };
  });
}

/** How a choice reads: "FIELD_DRIFT" → "Field drift"; other values ("oneroster-csv") as they are. */
export function optionLabel(option: string): string {
  if (!/^[A-Z][A-Z0-9_]*$/.test(option)) return option;
  const words = option.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function initialValues(fields: Field[]): FormValues {
  const values: FormValues = {};
  for (const field of fields) values[field.name] = field.defaultValue;
  return values;
}

function isBlank(value: FormValue): boolean {
  return value === undefined || (typeof value === 'string' && value.trim() === '');
}

function validateField(field: Field, value: FormValue): string | undefined {
  switch (field.kind) {
    case 'checkbox':
    case 'unsupported':
      return undefined;
    case 'multi': {
      const chosen = Array.isArray(value) ? value : [];
      if (field.required && chosen.length === 0) return `Choose at least one ${field.label.toLowerCase()}.`;
      if (field.minItems !== undefined && chosen.length > 0 && chosen.length < field.minItems)
        return `Choose at least ${field.minItems}.`;
      if (field.maxItems !== undefined && chosen.length > field.maxItems) return `Choose at most ${field.maxItems}.`;
      const unknown = chosen.find((c) => !field.options.includes(c));
      return unknown !== undefined ? `"${unknown}" is not one of the choices.` : undefined;
    }
    default:
      break;
  }
  if (isBlank(value)) return field.required ? `${field.label} is required.` : undefined;
  const text = String(value).trim();
  if (field.kind === 'select') {
    return field.options.includes(text) ? undefined : `Choose one of: ${field.options.join(', ')}.`;
  }
  if (field.kind === 'number') {
    const n = Number(text);
    if (!Number.isFinite(n)) return `${field.label} must be a number.`;
    if (field.integer && !Number.isInteger(n)) return `${field.label} must be a whole number.`;
    if (field.min !== undefined && n < field.min) return `${field.label} must be at least ${field.min}.`;
    if (field.max !== undefined && n > field.max) return `${field.label} must be at most ${field.max}.`;
    if (field.exclusiveMin !== undefined && n <= field.exclusiveMin)
      return `${field.label} must be more than ${field.exclusiveMin}.`;
    if (field.exclusiveMax !== undefined && n >= field.exclusiveMax)
      return `${field.label} must be less than ${field.exclusiveMax}.`;
    return undefined;
  }
  // text
  const s = String(value);
  if (field.minLength !== undefined && s.length < field.minLength)
    return `${field.label} must be at least ${field.minLength} characters.`;
  if (field.maxLength !== undefined && s.length > field.maxLength)
    return `${field.label} must be at most ${field.maxLength} characters.`;
  if (field.pattern !== undefined) {
    let re: RegExp | undefined;
    try {
      re = new RegExp(field.pattern, 'u');
    } catch {
      re = undefined; // A pattern this browser cannot read is left to the server.
    }
    if (re && !re.test(s)) return `${field.label} is not in the expected format.`;
  }
  return undefined;
}

export function validate(fields: Field[], values: FormValues): FormErrors {
  const errors: FormErrors = {};
  for (const field of fields) {
    const message = validateField(field, values[field.name]);
    if (message) errors[field.name] = message;
  }
  return errors;
}

/** The parameters object to send: typed values, blanks left out so the tool's defaults apply. */
export function toParameters(fields: Field[], values: FormValues): Record<string, unknown> {
  const parameters: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    switch (field.kind) {
      case 'unsupported':
        break;
      case 'checkbox':
        parameters[field.name] = value === true;
        break;
      case 'multi':
        if (Array.isArray(value) && (value.length > 0 || field.required)) parameters[field.name] = value;
        break;
      case 'number':
        if (!isBlank(value)) parameters[field.name] = Number(String(value).trim());
        break;
      default:
        if (!isBlank(value)) parameters[field.name] = String(value);
    }
  }
  return parameters;
}
