import { createHash } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';

/**
 * OAuth 2.0 authorisation code with PKCE against Cognito's managed login: the browser is sent
 * to Cognito with a challenge; the callback exchanges the code with the verifier (kept
 * server-side) and reads the email from the verified ID token.
 */
export interface OAuthClient {
  /** Cognito's managed login base URL, e.g. https://grantloop-123.auth.eu-west-2.amazoncognito.com */
  domain: string;
  clientId: string;
  issuer: string;
  redirectUri: string;
}

const challenge = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

export function authorizeUrl(c: OAuthClient, state: string, verifier: string): string {
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: c.clientId,
    redirect_uri: c.redirectUri,
    scope: 'openid email profile',
    state,
    code_challenge: challenge(verifier),
    code_challenge_method: 'S256',
  });
  return `${c.domain}/oauth2/authorize?${q}`;
}

const jwks = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** Exchanges the code; the email comes from the ID token only after its signature, issuer and audience check out. */
export async function exchangeCode(c: OAuthClient, code: string, verifier: string): Promise<string> {
  const response = await fetch(`${c.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: c.clientId,
      code,
      redirect_uri: c.redirectUri,
      code_verifier: verifier,
    }),
  });
  if (!response.ok) throw new Error(`the token endpoint answered ${response.status}`);
  const { id_token: idToken } = (await response.json()) as { id_token?: string };
  if (!idToken) throw new Error('the token endpoint returned no ID token');
  const keys = jwks.get(c.issuer) ?? createRemoteJWKSet(new URL(`${c.issuer}/.well-known/jwks.json`));
  jwks.set(c.issuer, keys);
  const { payload } = await jwtVerify(idToken, keys, { issuer: c.issuer, audience: c.clientId });
  if (typeof payload.email !== 'string' || payload.email_verified === false) throw new Error('the ID token has no verified email');
  return payload.email;
}
