import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../api/types';
import { fieldsFromSchema, humanise, initialValues, optionLabel, toParameters, validate } from './form';

const schema: JsonSchema = {
  type: 'object',
  properties: {
    ruleSet: { type: 'string', enum: ['oneroster', 'classlink'], default: 'classlink', description: 'Which rules apply.' },
    includeProfile: { type: 'boolean', default: true, title: 'Include completeness profile' },
    maxFindings: { type: 'integer', minimum: 1, maximum: 1000 },
    threshold: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1, default: 0.85 },
    campus: { type: 'string', minLength: 2, maxLength: 5, pattern: '^[A-Z0-9]+$' },
    severities: { type: 'array', items: { type: 'string', enum: ['error', 'warning', 'info'] }, default: ['error'] },
    nickname: { type: ['string', 'null'] },
    raw: { type: 'object' },
  },
  required: ['ruleSet', 'maxFindings'],
};

describe('fieldsFromSchema', () => {
  const fields = fieldsFromSchema(schema);
  const byName = Object.fromEntries(fields.map((f) => [f.name, f]));

  it('maps each JSON Schema type to the input the brief asks for', () => {
    expect(fields.map((f) => [f.name, f.kind])).toEqual([
      ['ruleSet', 'select'],
      ['includeProfile', 'checkbox'],
      ['maxFindings', 'number'],
      ['threshold', 'number'],
      ['campus', 'text'],
      ['severities', 'multi'],
      ['nickname', 'text'],
      ['raw', 'unsupported'],
    ]);
  });

  it('keeps labels, help text, required flags, bounds and defaults', () => {
    expect(byName.ruleSet).toMatchObject({ label: 'Rule set', help: 'Which rules apply.', required: true, options: ['oneroster', 'classlink'], defaultValue: 'classlink' });
    expect(byName.includeProfile).toMatchObject({ label: 'Include completeness profile', defaultValue: true, required: false });
    expect(byName.maxFindings).toMatchObject({ integer: true, min: 1, max: 1000, step: 1, required: true, defaultValue: '' });
    expect(byName.threshold).toMatchObject({ integer: false, exclusiveMin: 0, exclusiveMax: 1, defaultValue: '0.85' });
    expect(byName.severities).toMatchObject({ options: ['error', 'warning', 'info'], defaultValue: ['error'] });
  });

  it('copes with a tool that has no parameters', () => {
    expect(fieldsFromSchema(undefined)).toEqual([]);
    expect(fieldsFromSchema({ type: 'object' })).toEqual([]);
  });

  it('humanises property names for schemas without a title', () => {
    expect(humanise('minSeverity')).toBe('Min severity');
    expect(humanise('include_inactive')).toBe('Include inactive');
  });
});

describe('validate', () => {
  const fields = fieldsFromSchema(schema);
  const valid = { ...initialValues(fields), maxFindings: '10' };

  it('accepts the defaults plus the required number', () => {
    expect(validate(fields, valid)).toEqual({});
  });

  it('reports a missing required field by its label', () => {
    expect(validate(fields, { ...valid, maxFindings: '  ' })).toEqual({ maxFindings: 'Max findings is required.' });
  });

  it('checks numbers: not a number, not whole, outside the bounds', () => {
    expect(validate(fields, { ...valid, maxFindings: 'ten' }).maxFindings).toBe('Max findings must be a number.');
    expect(validate(fields, { ...valid, maxFindings: '2.5' }).maxFindings).toBe('Max findings must be a whole number.');
    expect(validate(fields, { ...valid, maxFindings: '0' }).maxFindings).toBe('Max findings must be at least 1.');
    expect(validate(fields, { ...valid, maxFindings: '1001' }).maxFindings).toBe('Max findings must be at most 1000.');
    expect(validate(fields, { ...valid, threshold: '0' }).threshold).toBe('Threshold must be more than 0.');
    expect(validate(fields, { ...valid, threshold: '1' }).threshold).toBe('Threshold must be less than 1.');
  });

  it('checks enums, text length and pattern', () => {
    expect(validate(fields, { ...valid, ruleSet: 'powerschool' }).ruleSet).toBe('Choose one of: oneroster, classlink.');
    expect(validate(fields, { ...valid, campus: 'A' }).campus).toBe('Campus must be at least 2 characters.');
    expect(validate(fields, { ...valid, campus: 'ABCDEF' }).campus).toBe('Campus must be at most 5 characters.');
    expect(validate(fields, { ...valid, campus: 'ab' }).campus).toBe('Campus is not in the expected format.');
    expect(validate(fields, { ...valid, campus: 'AB1' })).toEqual({});
  });

  it('checks multi-choice values', () => {
    expect(validate(fields, { ...valid, severities: ['fatal'] }).severities).toBe('"fatal" is not one of the choices.');
  });
});

describe('toParameters', () => {
  const fields = fieldsFromSchema(schema);

  it('sends typed values and leaves blanks out so the tool default applies', () => {
    const values = { ...initialValues(fields), maxFindings: ' 25 ', campus: '', includeProfile: false };
    expect(toParameters(fields, values)).toEqual({
      ruleSet: 'classlink',
      includeProfile: false,
      maxFindings: 25,
      threshold: 0.85,
      severities: ['error'],
    });
  });
});

describe('tool schemas as the catalogue serves them', () => {
  it('offers a date picker for a date, still checked against its pattern', () => {
    const [asOf] = fieldsFromSchema({
      type: 'object',
      properties: { asOf: { type: 'string', format: 'date', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', title: 'As of' } },
    });
    expect(asOf).toMatchObject({ kind: 'text', inputType: 'date', defaultValue: '' });
    expect(validate([asOf!], { asOf: '2026-11-29' })).toEqual({});
    expect(validate([asOf!], { asOf: '29/11/2026' })).toEqual({ asOf: 'As of is not in the expected format.' });
    expect(toParameters([asOf!], { asOf: '' })).toEqual({});
  });

  it('words category choices as agents read them, sending the ids', () => {
    expect(optionLabel('MISSING_IN_OURS')).toBe('Missing in ours');
    expect(optionLabel('oneroster-csv')).toBe('oneroster-csv');
    expect(optionLabel('error')).toBe('error');
  });
});
