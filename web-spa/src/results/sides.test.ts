import { describe, expect, it } from 'vitest';
import { finding } from '../test/fixtures';
import { comparisonRows, maySeeScripts } from './sides';

describe('records side by side', () => {
  it('puts SIS first, then ours, and marks the fields that differ', () => {
    const { columns, rows } = comparisonRows(
      finding(1, {
        entities: [
          { side: 'ours', type: 'student', key: 'o1', values: { grade: '5', email: 'a@x.org', active: true } },
          { side: 'sis', type: 'student', key: 's1', values: { grade: '05', email: 'a@x.org', active: true } },
        ],
      }),
    );
    expect(columns.map((c) => c.heading)).toEqual(['SIS student s1', 'Ours student o1']);
    expect(rows).toEqual([
      { field: 'grade', cells: ['05', '5'], differs: true },
      { field: 'email', cells: ['a@x.org', 'a@x.org'], differs: false },
      { field: 'active', cells: ['true', 'true'], differs: false },
    ]);
  });

  it('a value one record lacks differs from one the other has; blank, null and absent are alike', () => {
    const { rows } = comparisonRows(
      finding(2, {
        entities: [
          { side: 'sis', type: 'student', key: 's2', values: { email: 'kid@school.org', middle: '' } },
          { side: 'ours', type: 'student', key: 'o2', values: { middle: null } },
        ],
      }),
    );
    expect(rows).toEqual([
      { field: 'email', cells: ['kid@school.org', '—'], differs: true },
      { field: 'middle', cells: ['—', '—'], differs: false },
    ]);
  });

  it('gives a side with no record its own empty column and compares nothing', () => {
    const { columns, rows } = comparisonRows(
      finding(3, { entities: [{ side: 'sis', type: 'student', key: 's3', values: { grade: '07' } }] }),
    );
    expect(columns.map((c) => [c.heading, c.entity?.key ?? null])).toEqual([
      ['SIS student s3', 's3'],
      ['Ours: no record', null],
    ]);
    expect(rows).toEqual([{ field: 'grade', cells: ['07', ''], differs: false }]);
  });

  it('compares duplicates on one side with each other too', () => {
    const { columns, rows } = comparisonRows(
      finding(4, {
        entities: [
          { side: 'ours', type: 'guardian', key: 'g1', values: { email: 'P@x.org' } },
          { side: 'ours', type: 'guardian', key: 'g2', values: { email: 'p@x.org' } },
        ],
      }),
    );
    expect(columns.map((c) => c.heading)).toEqual(['SIS: no record', 'Ours guardian g1', 'Ours guardian g2']);
    expect(rows[0]).toEqual({ field: 'email', cells: ['', 'P@x.org', 'p@x.org'], differs: true });
  });

  it('takes the tool’s own list of differing fields when its evidence has one', () => {
    const drift = finding(5, {
      entities: [
        { side: 'sis', type: 'student', key: 's5', values: { familyName: 'Campbell', campus: 'org-sch-0006', grade: '06' } },
        { side: 'ours', type: 'student', key: 'o5', values: { familyName: 'Yılmaz', campus: 'bk-cp-0006', grade: '06' } },
      ],
      evidence: { fields: [{ field: 'familyName', sis: 'Campbell', ours: 'Yılmaz' }], stage: 'sourcedId' },
    });
    expect(comparisonRows(drift).rows.map((r) => [r.field, r.differs])).toEqual([
      ['familyName', true],
      ['campus', false], // each side's own id for the same campus
      ['grade', false],
    ]);
    // Evidence of another shape (a map of match levels) leaves the values to speak.
    const match = { ...drift, evidence: { fields: { familyName: 'disagree' } } };
    expect(comparisonRows(match).rows.map((r) => r.differs)).toEqual([true, true, false]);
  });

  it('shows SQL to engineers and admins only', () => {
    expect(maySeeScripts(['agent'])).toBe(false);
    expect(maySeeScripts(['agent', 'engineer'])).toBe(true);
    expect(maySeeScripts(['admin'])).toBe(true);
    expect(maySeeScripts([])).toBe(false);
  });
});
