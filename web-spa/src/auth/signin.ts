import type { OidcConfig } from './config';
import {
  authorizationUrl,
  checkIdToken,
  codeExchangeBody,
  discoveryUrl,
  endSessionUrl,
  parseDiscovery,
  parseTokenResponse,
  refreshBody,
  SignInError,
  type ProviderMetadata,
  type RedirectAnswer,
  type Tokens,
} from './oidc';
import { codeChallenge, randomToken } from './pkce';

/**
 * What must survive the trip to the identity provider and back: only the PKCE verifier, state,
 * nonce and the screen to return to, in sessionStorage (this tab only), removed on return.
 * Tokens never go into storage.
 */
export interface PendingSignIn {
  verifier: string;
  state: string;
  nonce: string;
  returnTo: string;
}

export const PENDING_KEY = 'cdt.signin.pending';
/** Set while leaving for the provider's sign-out, so that coming back does not start a new sign-in at once. */
export const SIGNED_OUT_KEY = 'cdt.signin.signed-out';

export function markSignedOut(storage: Storage): void {
  storage.setItem(SIGNED_OUT_KEY, '1');
}

/** True once after a sign-out at the provider (the mark is removed). */
export function takeSignedOut(storage: Storage): boolean {
  const marked = storage.getItem(SIGNED_OUT_KEY) !== null;
  storage.removeItem(SIGNED_OUT_KEY);
  return marked;
}

export function savePending(storage: Storage, pending: PendingSignIn): void {
  storage.setItem(PENDING_KEY, JSON.stringify(pending));
}

/** Reads and removes the pending sign-in (it is good for one answer only). */
export function takePending(storage: Storage): PendingSignIn | null {
  const raw = storage.getItem(PENDING_KEY);
  storage.removeItem(PENDING_KEY);
  if (!raw) return null;
  try {
    const p = JSON.parse(raw) as Partial<PendingSignIn>;
    if (typeof p.verifier === 'string' && typeof p.state === 'string' && typeof p.nonce === 'string') {
      return { verifier: p.verifier, state: p.state, nonce: p.nonce, returnTo: typeof p.returnTo === 'string' ? p.returnTo : '/' };
    }
  } catch {
    // unreadable: treated as absent
  }
  return null;
}

/** Only paths of this app, so that a tampered value cannot send the agent elsewhere. */
export function safeReturnTo(path: string): string {
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/';
}

export interface Environment {
  fetch: typeof fetch;
  storage: Storage;
  /** The app's origin: the redirect URI is its root. */
  origin: string;
  assign: (url: string) => void;
  now: () => number;
}

/** The I/O of an OIDC sign-in: discovery, the redirect, the code exchange and refreshes. */
export class OidcSignIn {
  private provider: Promise<ProviderMetadata> | null = null;

  constructor(
    private readonly config: OidcConfig,
    private readonly env: Environment,
  ) {}

  get redirectUri(): string {
    return `${this.env.origin}/`;
  }

  metadata(): Promise<ProviderMetadata> {
    if (!this.provider) {
      this.provider = this.getJson(discoveryUrl(this.config.authority), 'The identity provider could not be reached')
        .then((body) => parseDiscovery(body, this.config.authority))
        .catch((e: unknown) => {
          this.provider = null; // try again next time
          throw e;
        });
    }
    return this.provider;
  }

  /** Sends the browser to the provider's sign-in page. */
  async begin(returnTo: string): Promise<void> {
    const provider = await this.metadata();
    const pending: PendingSignIn = { verifier: randomToken(32), state: randomToken(16), nonce: randomToken(16), returnTo: safeReturnTo(returnTo) };
    const challenge = await codeChallenge(pending.verifier);
    savePending(this.env.storage, pending);
    this.env.assign(authorizationUrl(provider, this.config, { redirectUri: this.redirectUri, state: pending.state, nonce: pending.nonce, codeChallenge: challenge }));
  }

  /** Finishes a sign-in from the provider's answer on the redirect URI. */
  async complete(answer: RedirectAnswer): Promise<{ tokens: Tokens; returnTo: string; name?: string }> {
    const pending = takePending(this.env.storage);
    if (!pending || pending.state !== answer.state) {
      throw new SignInError('This sign-in answer does not match a sign-in started in this tab. Please sign in again.');
    }
    if (answer.kind === 'error') {
      throw new SignInError(
        answer.error === 'access_denied'
          ? 'The identity provider did not let you in. If you should have access to CDT, ask an admin to add you.'
          : `The identity provider refused the sign-in${answer.description ? `: ${answer.description}` : ` (${answer.error})`}.`,
      );
    }
    const provider = await this.metadata();
    const body = codeExchangeBody({ code: answer.code, redirectUri: this.redirectUri, clientId: this.config.clientId, codeVerifier: pending.verifier });
    const tokens = parseTokenResponse(await this.postForm(provider.tokenEndpoint, body), this.env.now());
    if (!tokens.idToken) throw new SignInError('The identity provider did not say who you are (no ID token).');
    const claims = checkIdToken(tokens.idToken, { issuer: provider.issuer, clientId: this.config.clientId, nonce: pending.nonce, now: this.env.now() });
    // Access tokens often carry no name (Cognito's do not); the ID token's is how to greet the person.
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : undefined;
    return name ? { tokens, returnTo: pending.returnTo, name } : { tokens, returnTo: pending.returnTo };
  }

  /** New tokens from the refresh token; fails when there is none or the provider says no. */
  async refresh(tokens: Tokens): Promise<Tokens> {
    if (!tokens.refreshToken) throw new SignInError('Your session has ended. Please sign in again.');
    const provider = await this.metadata();
    const body = refreshBody({ refreshToken: tokens.refreshToken, clientId: this.config.clientId });
    return parseTokenResponse(await this.postForm(provider.tokenEndpoint, body), this.env.now(), tokens);
  }

  /** Where to send the browser after forgetting the tokens (null: the provider has no such page). */
  async signOutUrl(tokens: Tokens | null): Promise<string | null> {
    let provider: ProviderMetadata;
    try {
      provider = await this.metadata();
    } catch {
      return null;
    }
    const r: { idTokenHint?: string; clientId: string; postLogoutRedirectUri: string } = {
      clientId: this.config.clientId,
      postLogoutRedirectUri: this.redirectUri,
    };
    if (tokens?.idToken) r.idTokenHint = tokens.idToken;
    return endSessionUrl(provider, r);
  }

  private async getJson(url: string, failure: string): Promise<unknown> {
    let response: Response;
    try {
      response = await this.env.fetch(url, { headers: { Accept: 'application/json' } });
    } catch {
      throw new SignInError(`${failure}. Check your connection and try again.`);
    }
    if (!response.ok) throw new SignInError(`${failure} (it answered ${response.status}). Try again in a minute.`);
    return readJson(response);
  }

  private async postForm(url: string, body: URLSearchParams): Promise<unknown> {
    let response: Response;
    try {
      response = await this.env.fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: body.toString(),
      });
    } catch {
      throw new SignInError('The identity provider could not be reached. Check your connection and try again.');
    }
    if (!response.ok) {
      // RFC 6749 §5.2: invalid_grant means the code or refresh token is no longer good.
      const error = await readJson(response).catch(() => ({}));
      const code = (error as Record<string, unknown>).error;
      throw new SignInError(
        code === 'invalid_grant'
          ? 'Your sign-in has expired. Please sign in again.'
          : `The identity provider refused to issue a token (${typeof code === 'string' ? code : response.status}). Please sign in again.`,
      );
    }
    return readJson(response);
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    throw new SignInError('The identity provider sent an answer that could not be read.');
  }
}
