import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteSpec } from '../../shared/platform/catalog';
import type { Clock } from '../../shared/platform/clock';
import { linkPathPrefixes, linkRateLimit, tooManyRequests } from '../link-rate-limit';

/** A client's requests in one thirtieth of the window: how many, and when the last one came. */
interface Slice {
  index: number;
  count: number;
  lastAt: number;
}

type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const SLICES_PER_WINDOW = 30;
const SWEEP_EVERY = 1000;

/**
 * WAF's rate-based rule on one machine: per client, the requests of the last window, refused
 * ones included (WAF counts a client's rate, not what it let through, so a client that keeps
 * hammering stays refused); over the limit, refused until the count falls back below it.
 * Requests are counted in slices so a client costs at most 30 numbers whatever it sends; a slice
 * counts until a full window after its last request: a little longer than exact, never shorter.
 */
export class RateLimiter {
  private readonly clients = new Map<string, Slice[]>();
  private readonly windowMs: number;
  private readonly sliceMs: number;
  private calls = 0;

  constructor(
    private readonly rule: { limit: number; windowSeconds: number },
    private readonly clock: Clock,
  ) {
    this.windowMs = rule.windowSeconds * 1000;
    this.sliceMs = this.windowMs / SLICES_PER_WINDOW;
  }

  take(client: string): Verdict {
    const now = this.clock.now().getTime();
    if (++this.calls % SWEEP_EVERY === 0) this.sweep(now);
    const slices = (this.clients.get(client) ?? []).filter((s) => s.lastAt + this.windowMs > now);
    const index = Math.floor(now / this.sliceMs);
    const last = slices.at(-1);
    if (last && last.index >= index) {
      last.count++;
      last.lastAt = Math.max(last.lastAt, now);
    } else slices.push({ index, count: 1, lastAt: now });
    this.clients.set(client, slices);
    const total = slices.reduce((n, s) => n + s.count, 0);
    return total <= this.rule.limit ? { allowed: true } : { allowed: false, retryAfterSeconds: this.retryAfter(slices, total, now) };
  }

  /** When the next request would be allowed if the client sent nothing meanwhile: oldest slices expire first. */
  private retryAfter(slices: Slice[], total: number, now: number): number {
    let remaining = total;
    for (const s of slices) {
      remaining -= s.count;
      if (remaining < this.rule.limit) return Math.max(1, Math.ceil((s.lastAt + this.windowMs - now) / 1000));
    }
    return this.rule.windowSeconds;
  }

  /** Forgets clients with nothing left in the window, so a scan from many addresses cannot grow the map for ever. */
  private sweep(now: number): void {
    for (const [client, slices] of this.clients) {
      if ((slices.at(-1)?.lastAt ?? 0) + this.windowMs <= now) this.clients.delete(client);
    }
  }
}

/** A path as WAF's URL_DECODE transformation sees it, so an encoded prefix is counted in both targets. */
function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * The local stand-in for the WAF rule on CloudFront: the same limit on the same path prefixes.
 * The client is the socket's address, never X-Forwarded-For (anyone can send that header; WAF
 * too aggregates by the address CloudFront sees). Time is `clock`, the runtime's (virtual or
 * wall) clock, so tests move the window as they move every other timer. Returns whether it
 * answered the request (429 with Retry-After); if not, the adapter carries on.
 */
export function linkLimiter(routes: readonly RouteSpec[], clock: Clock): (req: IncomingMessage, res: ServerResponse) => boolean {
  const prefixes = linkPathPrefixes(routes);
  const limiter = new RateLimiter(linkRateLimit, clock);
  return (req, res) => {
    const path = decodedPath(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (!prefixes.some((p) => path.startsWith(p))) return false;
    const verdict = limiter.take(req.socket.remoteAddress ?? 'unknown');
    if (verdict.allowed) return false;
    res.writeHead(tooManyRequests.status, {
      ...tooManyRequests.headers,
      'content-type': 'text/html; charset=utf-8',
      'retry-after': String(verdict.retryAfterSeconds),
    });
    res.end(tooManyRequests.html);
    return true;
  };
}
