import type { LocalIssuer } from './jwt-issuer';

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what} → ${status} ${JSON.stringify(body)}`);
  }
}

/** A small HTTP client that signs in as a user, as a staff member's browser would. */
export function apiClient(apiUrl: string, issuer: LocalIssuer) {
  const tokens = new Map<string, string>();
  async function call<T>(as: { id: string; email: string } | undefined, method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (as) {
      let token = tokens.get(as.email);
      if (!token) {
        token = await issuer.sign({ sub: as.id, email: as.email });
        tokens.set(as.email, token);
      }
      headers.authorization = `Bearer ${token}`;
    }
    const res = await fetch(`${apiUrl}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const parsed = (await res.json().catch(() => undefined)) as T;
    if (!res.ok) throw new ApiError(res.status, parsed, `${method} ${path}`);
    return parsed;
  }
  /** A non-JSON download (CSV). */
  async function text(as: { id: string; email: string }, path: string): Promise<string> {
    let token = tokens.get(as.email);
    if (!token) {
      token = await issuer.sign({ sub: as.id, email: as.email });
      tokens.set(as.email, token);
    }
    const res = await fetch(`${apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new ApiError(res.status, await res.text(), `GET ${path}`);
    return res.text();
  }
  return { call, text };
}
