import { describe, expect, it } from 'vitest';
import { base64Url, codeChallenge, randomToken } from './pkce';

describe('PKCE', () => {
  it('computes the S256 challenge of RFC 7636 appendix B', async () => {
    expect(await codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('refuses a verifier that RFC 7636 does not allow', async () => {
    await expect(codeChallenge('too-short')).rejects.toThrow(/43 to 128/);
    await expect(codeChallenge('a'.repeat(42) + ' ')).rejects.toThrow();
  });

  it('makes URL-safe random values of the asked length, different each time', () => {
    const a = randomToken(32);
    const b = randomToken(32);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(randomToken(16)).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('encodes bytes as base64url without padding', () => {
    expect(base64Url(new Uint8Array([0xfb, 0xff, 0xfe]))).toBe('-__-');
    expect(base64Url(new Uint8Array([0x61]))).toBe('YQ');
  });
});
