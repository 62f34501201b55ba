import type { ApiClient } from './client';
import type { CustomerSummary } from './types';

// Customers, their settings, connection tests and audit trail (docs/api.md, issue 5 contract §6).

export const SIS_TYPES = ['oneroster-csv', 'oneroster-rest', 'classlink'] as const;
export type SisType = (typeof SIS_TYPES)[number];

export const CONNECTORS = ['oneroster-csv', 'ftp', 'oneroster-rest', 'classlink', 'bookmarked'] as const;

export interface Schedule {
  cron: string;
  timezone: string;
}

export interface CustomerSettings {
  sis: { type: string; location: string; secretRef?: string | null; options?: Record<string, string> | null };
  ours: { instance: string; customerKey: string };
  snapshotTtlMinutes: { sis: number; ours: number };
  schedule?: Schedule | null;
}

/** The latest `connector.test` of one connector for this customer. */
export interface ConnectorTestRecord {
  connector: string;
  ok: boolean;
  verdict: string;
  at: string;
  actor: string;
}

export interface Customer {
  id: string;
  name: string;
  settings: CustomerSettings;
  updatedAt: string;
  connectors?: string[];
  lastTests?: ConnectorTestRecord[];
}

export interface CustomerListItem extends CustomerSummary {
  lastRunAt?: string | null;
}

export interface ConnectionCheck {
  name: string;
  ok: boolean;
  message: string;
}

export interface ConnectionTest {
  ok: boolean;
  checks: ConnectionCheck[];
  verdict: string;
}

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  details?: Record<string, unknown> | null;
}

export interface CustomerUpdate {
  name: string;
  settings: CustomerSettings;
  expectedUpdatedAt?: string;
}

const path = (id: string) => `/api/customers/${encodeURIComponent(id)}`;

/** GET /api/customers?q=: id or name contains q, any case. */
export async function searchCustomers(client: ApiClient, q: string, signal?: AbortSignal): Promise<CustomerListItem[]> {
  const query = q.trim() ? `?q=${encodeURIComponent(q.trim())}` : '';
  return (await client.get<{ items: CustomerListItem[] }>(`/api/customers${query}`, signal)).items;
}

export function getCustomer(client: ApiClient, id: string, signal?: AbortSignal): Promise<Customer> {
  return client.get<Customer>(path(id), signal);
}

/** PUT (admin): 422 lists every field's problem, 409 when someone saved in between, 403 for non-admins. */
export function saveCustomer(client: ApiClient, id: string, update: CustomerUpdate): Promise<Customer> {
  return client.put<Customer>(path(id), update);
}

export function testConnection(client: ApiClient, connector: string, customerId: string): Promise<ConnectionTest> {
  return client.post<ConnectionTest>(`/api/connectors/${encodeURIComponent(connector)}/test`, { customerId });
}

export function refreshSnapshots(client: ApiClient, id: string): Promise<{ customerId: string; detail: string }> {
  return client.post(`${path(id)}/snapshots/refresh`);
}

export async function customerAudit(client: ApiClient, id: string, limit = 50, signal?: AbortSignal): Promise<AuditEntry[]> {
  return (await client.get<{ items: AuditEntry[] }>(`${path(id)}/audit?limit=${limit}`, signal)).items;
}

/**
 * The connectors that serve a customer, as the server derives them: the SIS connector from the
 * SIS type and the location's scheme, then ours. Used when the server does not send `connectors`.
 */
export function connectorsOf(customer: Customer): string[] {
  if (customer.connectors && customer.connectors.length) return customer.connectors;
  const { type, location } = customer.settings.sis;
  const sis = type === 'oneroster-csv' && /^(s?ftp|ftps):\/\//i.test(location.trim()) ? 'ftp' : type;
  return sis ? [sis, 'bookmarked'] : ['bookmarked'];
}

const CONNECTOR_LABELS: Record<string, string> = {
  'oneroster-csv': 'OneRoster CSV export',
  ftp: 'OneRoster CSV on the district’s SFTP/FTP server',
  'oneroster-rest': 'OneRoster API',
  classlink: 'ClassLink',
  bookmarked: 'Our database (Bookmarked)',
};

export function connectorLabel(connector: string): string {
  return CONNECTOR_LABELS[connector] ?? connector;
}

const SIS_TYPE_LABELS: Record<string, string> = {
  'oneroster-csv': 'OneRoster CSV',
  'oneroster-rest': 'OneRoster API',
  classlink: 'ClassLink',
};

export function sisTypeLabel(type: string): string {
  return SIS_TYPE_LABELS[type] ?? type;
}
