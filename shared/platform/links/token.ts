import { createHash, randomBytes } from 'node:crypto';

/**
 * Emailed links carry 256 random bits; only their SHA-256 is stored, so a copy of the table
 * cannot be turned back into working links.
 */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashLinkToken(token) };
}

export const hashLinkToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** Tokens look like 43 base64url characters; anything else is refused before any lookup. */
export const looksLikeToken = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token);

/** What one link is for: its kind (registered in a LinkRegistry) and the ids it is scoped to. */
export type LinkScope = { readonly kind: string } & Readonly<Record<string, string>>;

export interface LinkRecord<S extends LinkScope = LinkScope> {
  hash: string;
  scope: S;
  status: 'active' | 'used' | 'revoked';
  expiresAt: string;
  createdAt: string;
  usedAt?: string;
}
