import type { CustomerSummary, Finding, Run, ToolDescriptor } from '../api/types';

export const missingDataTool: ToolDescriptor = {
  id: 'missing-data',
  title: 'Missing Data Finder',
  description: 'Required fields, references that do not resolve, classes without a teacher.',
  needs: [
    { side: 'sis', why: 'what the district sends' },
    { side: 'ours', why: 'what we hold' },
  ],
  parametersSchema: {
    type: 'object',
    properties: {
      ruleSet: { type: 'string', enum: ['oneroster', 'classlink'], default: 'oneroster', description: 'Which rules apply.' },
      includeProfile: { type: 'boolean', default: true, title: 'Include completeness profile' },
      maxFindings: { type: 'integer', minimum: 1, maximum: 10000, default: 500 },
    },
    required: ['ruleSet'],
  },
  categories: ['MISSING_REQUIRED_FIELD', 'UNRESOLVED_REFERENCE', 'CLASS_WITHOUT_TEACHER'],
};

export const studentMismatchTool: ToolDescriptor = {
  id: 'student-mismatch',
  title: 'Student Mismatch Resolver',
  description: 'Joins SIS and our students and explains every difference.',
  needs: [],
  parametersSchema: { type: 'object', properties: {} },
  categories: ['MISSING_IN_OURS', 'FIELD_DRIFT'],
};

export const demoCustomer: CustomerSummary = {
  id: 'demo',
  name: 'Demo District',
  sisType: 'oneroster-csv',
  oursInstance: 'staging',
};

export function run(overrides: Partial<Run> = {}): Run {
  return {
    runId: 'r-1',
    toolId: 'missing-data',
    customerId: 'demo',
    requestedBy: 'agent',
    parameters: {},
    status: 'RUNNING',
    progress: { phase: 'Reading the SIS snapshot', percent: 40 },
    createdAt: '2026-11-29T10:00:00Z',
    startedAt: '2026-11-29T10:00:01Z',
    ...overrides,
  };
}

export function finding(n: number, overrides: Partial<Finding> = {}): Finding {
  return {
    id: `f-${n}`,
    fingerprint: `fp-${n}`,
    tool: 'missing-data',
    category: 'MISSING_REQUIRED_FIELD',
    severity: 'error',
    title: `Student ${n} has no grade`,
    rule: 'student.grade.required',
    entities: [
      { side: 'sis', type: 'student', key: `sis-${n}`, values: { grade: '05', birth_date: '2015-03-02' } },
      { side: 'ours', type: 'student', key: `our-${n}`, values: { grade: null, birth_date: '2015-03-02' } },
    ],
    evidence: { source: 'students.csv', line: n + 1 },
    resolution: {
      action: 'Fill the grade',
      description: 'Copy the grade from the SIS.',
      script: `UPDATE students SET grade = '05' WHERE student_key = 'our-${n}';`,
    },
    ...overrides,
  };
}

export const succeededRun = run({
  status: 'SUCCEEDED',
  progress: { phase: 'Done', percent: 100 },
  finishedAt: '2026-11-29T10:00:05Z',
  durationMs: 4200,
  summary: {
    total: 3,
    bySeverity: { error: 2, warning: 1, info: 0 },
    byCategory: { MISSING_REQUIRED_FIELD: 2, CLASS_WITHOUT_TEACHER: 1 },
  },
});
