import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/client';
import { asApiError } from '../api/client';
import { whoAmI } from '../api/me';
import type { Session } from '../api/types';
import { AuthConfigError, loadAuthConfig, type AuthConfig } from './config';
import { readRedirect, refreshDelayMs, SignInError, withoutRedirectParams, type Tokens } from './oidc';
import { markSignedOut, OidcSignIn, takeSignedOut } from './signin';

export const SESSION_ENDED = 'Your session has ended. Please sign in again.';
export const SIGNED_OUT = 'You are signed out.';

/** A renewal that fails while the token has this much time left is tried again later. */
const RETRY_RENEWAL_MS = 15_000;

export interface Auth {
  /** null while /config.json is being read. */
  config: AuthConfig | null;
  configError: string | null;
  session: Session | null;
  notice: string | null;
  /** Why the last identity-provider sign-in failed, in words. */
  error: string | null;
  /** True while returning from the identity provider or leaving for it. */
  busy: boolean;
  retryConfig: () => void;
  /** The dev login's answer (mode dev). */
  signedIn: (session: Session) => void;
  /** Off to the identity provider (mode oidc). */
  signInWithProvider: () => void;
  signOut: () => void;
  /** The server refused the token and it could not be renewed. */
  expire: () => void;
}

function errorText(e: unknown): string {
  if (e instanceof SignInError || e instanceof AuthConfigError) return e.message;
  const apiError = asApiError(e);
  return apiError.detail ? `${apiError.title}. ${apiError.detail}` : apiError.title;
}

/**
 * Signing in and out, in either mode. Tokens live in this hook's refs and the ApiClient (memory
 * only); the OIDC access token is renewed with the refresh token shortly before it ends, and once
 * more when the server answers 401.
 */
export function useAuth(
  client: ApiClient,
  options: { fetch?: typeof fetch; onReturn: (path: string) => void; assign?: (url: string) => void },
): Auth {
  const fetchFn = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const [config, setConfig] = useState<AuthConfig | null>(null);
  const [configError, setConfigError] = useState<string | null>(null);
  const [configAttempt, setConfigAttempt] = useState(0);
  const [session, setSession] = useState<Session | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const oidc = useRef<OidcSignIn | null>(null);
  const tokens = useRef<Tokens | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const renewal = useRef<Promise<boolean> | null>(null);
  const completing = useRef(false);
  const opened = useRef(false);
  const latest = useRef(options);
  latest.current = options;

  const assign = useCallback((url: string) => (latest.current.assign ?? ((u: string) => window.location.assign(u)))(url), []);

  const forget = useCallback(() => {
    clearTimeout(timer.current);
    tokens.current = null;
    renewal.current = null;
    client.setToken(null);
    client.setRenewal(null);
  }, [client]);

  const expire = useCallback(() => {
    forget();
    setSession(null);
    setNotice(SESSION_ENDED);
  }, [forget]);

  // Declared through a ref so that the timer and the client always call the current one.
  const renewRef = useRef<() => Promise<boolean>>(async () => false);

  const schedule = useCallback((t: Tokens, delay = refreshDelayMs(t, Date.now())) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void renewRef.current().then((ok) => {
        if (ok || !tokens.current) return;
        if (tokens.current.expiresAt - Date.now() > RETRY_RENEWAL_MS * 2) schedule(tokens.current, RETRY_RENEWAL_MS);
        else expire();
      });
    }, delay);
  }, [expire]);

  renewRef.current = () => {
    // One renewal at a time: several requests may hit a 401 together.
    if (renewal.current) return renewal.current;
    const current = tokens.current;
    const signIn = oidc.current;
    if (!current || !signIn) return Promise.resolve(false);
    renewal.current = signIn
      .refresh(current)
      .then((fresh) => {
        if (tokens.current !== current) return false; // signed out meanwhile
        tokens.current = fresh;
        client.setToken(fresh.accessToken);
        setSession((s) => (s ? { ...s, token: fresh.accessToken, expiresAt: new Date(fresh.expiresAt).toISOString() } : s));
        schedule(fresh);
        return true;
      })
      .catch(() => false)
      .finally(() => {
        renewal.current = null;
      });
    return renewal.current;
  };

  // 1. How to sign in.
  useEffect(() => {
    let current = true;
    setConfigError(null);
    loadAuthConfig(fetchFn)
      .then((c) => {
        if (!current) return;
        if (c.mode === 'oidc') {
          oidc.current = new OidcSignIn(c, {
            fetch: fetchFn,
            storage: window.sessionStorage,
            origin: window.location.origin,
            assign: (url) => assign(url),
            now: () => Date.now(),
          });
        }
        setConfig(c);
      })
      .catch((e: unknown) => {
        if (current) setConfigError(errorText(e));
      });
    return () => {
      current = false;
    };
    // fetchFn and assign are fixed for the app's life.
  }, [configAttempt]);

  const signInWithProvider = useCallback(() => {
    const signIn = oidc.current;
    if (!signIn) return;
    setBusy(true);
    setError(null);
    signIn.begin(`${window.location.pathname}${window.location.search}`).catch((e: unknown) => {
      setError(errorText(e));
      setBusy(false);
    });
  }, []);

  // 2. Opening the app goes to the provider's sign-in (there is nothing to see before it), unless
  // the person just signed out there; back from the provider: exchange the code, then ask the API
  // who this is.
  useEffect(() => {
    const signIn = oidc.current;
    if (config?.mode !== 'oidc' || !signIn || completing.current) return;
    const answer = readRedirect(window.location.search);
    if (!answer) {
      if (opened.current) return;
      opened.current = true;
      if (takeSignedOut(window.sessionStorage)) setNotice(SIGNED_OUT);
      else signInWithProvider();
      return;
    }
    opened.current = true;
    completing.current = true;
    setBusy(true);
    // The code is single-use: take it out of the address bar (and history) at once.
    window.history.replaceState(null, '', `${window.location.pathname}${withoutRedirectParams(window.location.search)}`);
    (async () => {
      try {
        const { tokens: fresh, returnTo, name } = await signIn.complete(answer);
        tokens.current = fresh;
        client.setToken(fresh.accessToken);
        client.setRenewal(() => renewRef.current());
        const me = await whoAmI(client);
        schedule(fresh);
        latest.current.onReturn(returnTo);
        setNotice(null);
        setError(null);
        // The API's name comes from the access token; when it only repeats the username, the ID token's is better.
        const shown = me.name && me.name !== me.username ? me.name : (name ?? me.username);
        setSession({ token: fresh.accessToken, username: me.username, name: shown, roles: me.roles ?? [], expiresAt: new Date(fresh.expiresAt).toISOString() });
      } catch (e) {
        forget();
        setError(errorText(e));
      } finally {
        setBusy(false);
        completing.current = false;
      }
    })();
  }, [config, client, forget, schedule, signInWithProvider]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const signedIn = useCallback((s: Session) => {
    setNotice(null);
    setError(null);
    setSession({ ...s, name: s.name || s.username });
  }, []);

  const signOut = useCallback(() => {
    const held = tokens.current;
    forget();
    setSession(null);
    setNotice(SIGNED_OUT);
    const signIn = oidc.current;
    if (signIn) {
      // Also end the provider's session, or "Sign in" would let the same person straight back in.
      void signIn.signOutUrl(held).then((url) => {
        if (!url) return;
        markSignedOut(window.sessionStorage);
        assign(url);
      });
    }
  }, [forget, assign]);

  const retryConfig = useCallback(() => setConfigAttempt((n) => n + 1), []);

  return { config, configError, session, notice, error, busy, retryConfig, signedIn, signInWithProvider, signOut, expire };
}
