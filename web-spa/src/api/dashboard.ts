import type { ApiClient } from './client';
import type { Run } from './types';

/** A customer whose latest finished run of a tool found errors. */
export interface CustomerWithErrors {
  customerId: string;
  customerName: string;
  toolId: string;
  runId: string;
  finishedAt: string;
  errors: number;
}

/** A connector whose latest connection test for a customer failed. */
export interface ConnectorFailure {
  customerId: string;
  customerName: string;
  connector: string;
  at: string;
  actor: string;
  verdict: string;
  failedChecks: string[];
}

/** GET /api/dashboard (docs/api.md). */
export interface DashboardData {
  running: Run[];
  recentMine: Run[];
  recentAll: Run[];
  failed: Run[];
  customersWithErrors: CustomerWithErrors[];
  connectorFailures: ConnectorFailure[];
}

export async function dashboard(client: ApiClient, signal?: AbortSignal): Promise<DashboardData> {
  const d = await client.get<Partial<DashboardData>>('/api/dashboard', signal);
  // Missing lists read as empty, so that an older server shows empty blocks rather than a broken page.
  return {
    running: d.running ?? [],
    recentMine: d.recentMine ?? [],
    recentAll: d.recentAll ?? [],
    failed: d.failed ?? [],
    customersWithErrors: d.customersWithErrors ?? [],
    connectorFailures: d.connectorFailures ?? [],
  };
}
