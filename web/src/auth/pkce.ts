/**
 * PKCE (RFC 7636) for the authorization code flow: the SPA has no client secret, so it proves that the one
 * redeeming the code is the one who asked for it. Only WebCrypto, which browsers and Node both have.
 */

/** base64url without padding (RFC 4648 §5), the encoding PKCE and JWTs use. */
export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** `size` bytes from the platform's cryptographic random source, base64url-encoded. */
export function randomToken(size: number): string {
  return base64url(crypto.getRandomValues(new Uint8Array(size)));
}

/** 32 random bytes: 43 characters, the shortest verifier RFC 7636 allows, with 256 bits of entropy. */
export function createCodeVerifier(): string {
  return randomToken(32);
}

/** The value that travels with the sign-in request, so the verifier never leaves this tab until the exchange. */
export async function codeChallengeS256(verifier: string): Promise<string> {
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) throw new Error('A PKCE code verifier is 43 to 128 unreserved characters');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** Ties the answer on the callback to the sign-in this tab started (against login CSRF). */
export function createState(): string {
  return randomToken(24);
}
