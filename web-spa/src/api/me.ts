import type { ApiClient } from './client';
import type { Me } from './types';

/** GET /api/me: who the token says the signed-in person is. */
export function whoAmI(client: ApiClient, signal?: AbortSignal): Promise<Me> {
  return client.get<Me>('/api/me', signal);
}
