import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizeUrl, exchangeCode, type OAuthClient } from '../../shared/platform/sessions/oauth';
import { newLoginAttempt } from '../../shared/platform/sessions/session';

/**
 * Cognito's two endpoints the callback uses, played by a small server: the token endpoint
 * checks the PKCE verifier against the challenge the authorise step was given (as Cognito
 * does), and the issuer publishes its keys. Which key signs and for whom is set per test.
 */
let server: Server;
let base: string;
const challenges = new Map<string, string>();
type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let signWith: { key: SigningKey; kid: string };
let published: JWK;
let audience = 'pages-client';

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  published = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  signWith = { key: pair.privateKey, kid: 'k1' };
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', async () => {
      if (req.url === '/.well-known/jwks.json') return res.end(JSON.stringify({ keys: [published] }));
      const form = new URLSearchParams(body);
      const expected = challenges.get(form.get('code') ?? '');
      const given = createHash('sha256')
        .update(form.get('code_verifier') ?? '')
        .digest('base64url');
      if (req.url !== '/oauth2/token' || form.get('grant_type') !== 'authorization_code' || !expected || expected !== given) {
        res.writeHead(400);
        return res.end(JSON.stringify({ error: 'invalid_grant' }));
      }
      const idToken = await new SignJWT({ email: 'ruth.okafor@wyvernshire.example.org', email_verified: true })
        .setProtectedHeader({ alg: 'RS256', kid: signWith.kid })
        .setIssuer(base)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(signWith.key);
      res.end(JSON.stringify({ id_token: idToken, access_token: 'a', token_type: 'Bearer' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const client = (): OAuthClient => ({
  domain: base,
  clientId: 'pages-client',
  issuer: base,
  redirectUri: 'https://grantloop.example/auth/callback',
});

/** The browser's trip to the managed login: Cognito records the challenge against the code it hands back. */
function authorise(verifier: string, state: string): string {
  const url = new URL(authorizeUrl(client(), state, verifier));
  expect(url.pathname).toBe('/oauth2/authorize');
  expect(Object.fromEntries(url.searchParams)).toMatchObject({
    response_type: 'code',
    client_id: 'pages-client',
    redirect_uri: 'https://grantloop.example/auth/callback',
    code_challenge_method: 'S256',
    state,
  });
  expect(url.searchParams.get('scope')).toContain('openid');
  const code = `code-${challenges.size}`;
  challenges.set(code, url.searchParams.get('code_challenge') as string);
  return code;
}

describe('sign-in with Cognito: authorisation code with PKCE', () => {
  it('sends only the S256 challenge to the browser, and gets the verified email for the code and its verifier', async () => {
    const { state, attempt } = newLoginAttempt('/app/reports/r1', new Date());
    const url = authorizeUrl(client(), state, attempt.verifier);
    expect(url).not.toContain(attempt.verifier);
    const code = authorise(attempt.verifier, state);
    await expect(exchangeCode(client(), code, attempt.verifier)).resolves.toBe('ruth.okafor@wyvernshire.example.org');
  });

  it('fails for a verifier that does not match the challenge (a stolen code is useless)', async () => {
    const { state, attempt } = newLoginAttempt('/app', new Date());
    const code = authorise(attempt.verifier, state);
    await expect(exchangeCode(client(), code, newLoginAttempt('/app', new Date()).attempt.verifier)).rejects.toThrow(/400/);
  });

  it('refuses an ID token for another client, or signed by a key the issuer does not publish', async () => {
    const { state, attempt } = newLoginAttempt('/app', new Date());
    audience = 'another-client';
    await expect(exchangeCode(client(), authorise(attempt.verifier, state), attempt.verifier)).rejects.toThrow(/aud/);
    audience = 'pages-client';
    const rogue = await generateKeyPair('RS256');
    signWith = { key: rogue.privateKey, kid: 'k1' };
    await expect(exchangeCode(client(), authorise(attempt.verifier, state), attempt.verifier)).rejects.toThrow(/signature/);
  });
});
