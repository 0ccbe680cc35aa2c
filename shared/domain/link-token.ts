import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Emailed links carry 256 random bits; only their SHA-256 is stored, so a copy of the table
 * cannot be turned back into working links. A token is scoped to one report or one condition.
 */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashLinkToken(token) };
}

export const hashLinkToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** Tokens look like 43 base64url characters; anything else is refused before any lookup. */
export const looksLikeToken = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token);

export const sameHash = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export type LinkScope = { kind: 'report'; reportId: string; grantId: string } | { kind: 'condition'; conditionId: string; grantId: string };

export interface LinkRecord {
  hash: string;
  scope: LinkScope;
  status: 'active' | 'used' | 'revoked';
  expiresAt: string;
  createdAt: string;
  usedAt?: string;
}
