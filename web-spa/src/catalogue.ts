import { useCallback, useEffect, useState } from 'react';
import { asApiError, type ApiClient, type ApiError } from './api/client';
import type { CustomerSummary, ToolDescriptor } from './api/types';

export interface Catalogue {
  tools: ToolDescriptor[];
  customers: CustomerSummary[];
  loading: boolean;
  error: ApiError | null;
  reload: () => void;
}

/** Tools and customers, loaded once per sign-in and shared by the pages. */
export function useCatalogue(client: ApiClient, signedIn: boolean): Catalogue {
  const [tools, setTools] = useState<ToolDescriptor[]>([]);
  const [customers, setCustomers] = useState<CustomerSummary[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!signedIn) return;
    let current = true;
    setLoading(true);
    setError(null);
    Promise.all([client.tools(), client.customers()])
      .then(([t, c]) => {
        if (!current) return;
        setTools(t);
        setCustomers(c);
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
  return { tools, customers, loading, error, reload };
}
