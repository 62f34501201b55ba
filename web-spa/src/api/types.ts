// Shapes of the HTTP contract in docs/api.md. Keep in step with that file.

export type Role = 'agent' | 'engineer' | 'admin';

export interface Session {
  token: string;
  username: string;
  /** The person's name (the token's `name` claim); absent on older servers: show the username. */
  name?: string;
  roles: string[];
  expiresAt?: string;
}

/** GET /api/me */
export interface Me {
  username: string;
  name?: string;
  roles: string[];
}

export type Side = 'sis' | 'ours';
export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface ToolDescriptor {
  id: string;
  title: string;
  description: string;
  needs: { side: Side; why: string }[];
  parametersSchema: JsonSchema;
  categories: string[];
}

/** The subset of JSON Schema that tool parameters use. */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** e.g. "date": shown as a date input. */
  format?: string;
  uniqueItems?: boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
}

export interface CustomerSummary {
  id: string;
  name: string;
  sisType: string;
  oursInstance: string;
}

export type RunStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

export const FINISHED: readonly RunStatus[] = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

export interface RunSummary {
  total: number;
  bySeverity: Partial<Record<Severity, number>>;
  byCategory: Record<string, number>;
  profile?: Record<string, unknown>;
}

export interface Run {
  runId: string;
  toolId: string;
  customerId: string;
  ticketId?: string | null;
  requestedBy: string;
  parameters: Record<string, unknown>;
  status: RunStatus;
  progress?: { phase?: string | null; percent?: number | null } | null;
  createdAt: string;
  startedAt?: string | null;
  finishedAt?: string | null;
  durationMs?: number | null;
  summary?: RunSummary | null;
  error?: string | null;
}

export interface EntityRef {
  side: Side;
  type: string;
  key: string;
  values: Record<string, unknown>;
}

export interface Finding {
  id: string;
  fingerprint: string;
  tool: string;
  category: string;
  severity: Severity;
  title: string;
  rule?: string | null;
  entities: EntityRef[];
  evidence?: Record<string, unknown> | null;
  resolution?: { action: string; description: string; script?: string | null } | null;
}

export interface FindingsPage {
  items: Finding[];
  nextCursor?: string | null;
  total: number;
}

export interface FindingsFilter {
  category?: string;
  severity?: Severity | '';
}
