/**
 * A seeded fault plan for the local runtime: which workflow steps, event-router batches and
 * asynchronous invocations fail, and which DynamoDB calls are throttled. Each decision is drawn
 * from the seed and the call's place in its function's own sequence, so a failing plan can be
 * replayed from its seed alone.
 */
export type LambdaFault = 'throw' | 'timeout' | 'twice';
export type InvocationSource = 'step' | 'router' | 'async';

export interface FaultRates {
  /** Chance that one step, router batch or asynchronous invocation gets a fault. */
  lambda: number;
  /** Chance that one DynamoDB call is refused with a throttling error. */
  throttle: number;
}

export class FaultPlan {
  private counters = new Map<string, number>();
  active = false;
  readonly injected: Record<LambdaFault | 'throttle', number> = { throw: 0, timeout: 0, twice: 0, throttle: 0 };

  constructor(
    public seed: number,
    readonly rates: FaultRates = { lambda: 0.05, throttle: 0.02 },
  ) {}

  /** Starts injecting under a new seed (the counters restart, so the seed alone replays it). */
  begin(seed: number): void {
    this.seed = seed;
    this.counters.clear();
    this.active = true;
  }

  end(): void {
    this.active = false;
  }

  get total(): number {
    return Object.values(this.injected).reduce((a, v) => a + v, 0);
  }

  /** What happens to this invocation, if anything. */
  lambda(fn: string, source: InvocationSource): LambdaFault | undefined {
    if (!this.active) return undefined;
    const r = this.draw(`${source}:${fn}`);
    if (r >= this.rates.lambda) return undefined;
    const fault: LambdaFault = r < this.rates.lambda / 3 ? 'throw' : r < (2 * this.rates.lambda) / 3 ? 'timeout' : 'twice';
    this.injected[fault]++;
    return fault;
  }

  /** Whether this DynamoDB call (by its operation) is refused as throttled. */
  throttle(operation: string): boolean {
    if (!this.active || this.draw(`dynamodb:${operation}`) >= this.rates.throttle) return false;
    this.injected.throttle++;
    return true;
  }

  private draw(stream: string): number {
    const n = (this.counters.get(stream) ?? 0) + 1;
    this.counters.set(stream, n);
    return mulberry32(hash(`${this.seed}:${stream}:${n}`))();
  }
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A small, well-known 32-bit PRNG: enough for spreading faults, and the same on every machine. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
