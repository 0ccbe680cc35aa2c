import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, jwtVerify, SignJWT } from 'jose';

/**
 * Stands in for the Cognito user pool: signs ID-token-shaped JWTs, and verifies them the way
 * API Gateway's JWT authorizer does (signature, issuer, audience, expiry). The key lives in the
 * state folder so `npx grantloop token` can sign for a runtime started in another terminal.
 */
const localIssuer = 'https://grantloop.local/issuer';
const localAudience = 'grantloop-local-client';

interface StoredKey {
  privateJwk: JWK;
  publicJwk: JWK;
}

async function loadKey(file: string): Promise<StoredKey> {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as StoredKey;
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const key = { privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(key), { mode: 0o600 });
  return key;
}

export async function localIssuerKeys(file: string) {
  const key = await loadKey(file);
  const privateKey = await importJWK(key.privateJwk, 'ES256');
  const publicKey = await importJWK(key.publicJwk, 'ES256');
  return {
    async sign(claims: { sub: string; email: string }, ttlSeconds = 12 * 3600, now = new Date()): Promise<string> {
      const iat = Math.floor(now.getTime() / 1000);
      return new SignJWT({ email: claims.email, token_use: 'id' })
        .setProtectedHeader({ alg: 'ES256', kid: 'local' })
        .setSubject(claims.sub)
        .setIssuer(localIssuer)
        .setAudience(localAudience)
        .setIssuedAt(iat)
        .setExpirationTime(iat + ttlSeconds)
        .sign(privateKey);
    },
    /** Verifies against the wall clock: tokens are issued to people, not to the virtual timeline. */
    async verify(token: string): Promise<Record<string, unknown>> {
      const { payload } = await jwtVerify(token, publicKey, { issuer: localIssuer, audience: localAudience, algorithms: ['ES256'] });
      return payload as Record<string, unknown>;
    },
  };
}

export type LocalIssuer = Awaited<ReturnType<typeof localIssuerKeys>>;
