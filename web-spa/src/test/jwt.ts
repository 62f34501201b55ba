import { base64Url } from '../auth/pkce';

/** An unsigned JWT with these claims (the browser never checks signatures; the API does). */
export function fakeJwt(claims: Record<string, unknown>): string {
  const part = (o: object) => base64Url(new TextEncoder().encode(JSON.stringify(o)));
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}
