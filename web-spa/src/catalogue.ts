import { useCallback, useEffect, useState } from 'react';
import { asApiError, type ApiClient, type ApiError } from './api/client';
import type { CustomerSummary, ToolDescriptor } from './api/types';

export interface Catalogue {
  tools: ToolDescriptor[];
  customers: CustomerSummary[];
  /** Our database instances the server is configured with (GET /api/customers' `ourInstances`). */
  ourInstances?: string[];
  loading: boolean;
  error: ApiError | null;
  reload: () => void;
}

/** Tools and customers, loaded once per sign-in and shared by the pages. */
export function useCatalogue(client: ApiClient, signedIn: boolean): Catalogue {
  const [tools, setTools] = useState<ToolDescriptor[]>([]);
  const [customers, setCustomers] = useState<CustomerSummary[]>([]);
  const [ourInstances, setOurInstances] = useState<string[] | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!signedIn) return;
    let current = true;
    setLoading(true);
    setError(null);
    Promise.all([client.tools(), client.customerList()])
      .then(([t, c]) => {
        if (!current) return;
        setTools(t);
        setCustomers(c.items);
        setOurInstances(c.ourInstances?.length ? c.ourInstances : undefined);
      })
      .catch((e: unknown) => {
        if (current) setError(asApiError(e));
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [client, signedIn, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { tools, customers, ourInstances, loading, error, reload };
}
