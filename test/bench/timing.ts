/** Latency figures the bench reports: requests timed one by one or many at once, and their percentiles. */
export interface LatencyFigures {
  p50: number;
  p99: number;
  samples: number;
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
export const figures = (ms: number[]): LatencyFigures => ({ p50: percentile(ms, 50), p99: percentile(ms, 99), samples: ms.length });

/** Runs `jobs` with at most `concurrency` in flight; returns each one's time in ms. */
export async function timed(jobs: (() => Promise<unknown>)[], concurrency: number): Promise<number[]> {
  const out: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++] as () => Promise<unknown>;
      const t = performance.now();
      await job();
      out.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}

/** The same job `times` times, at most `concurrency` at once: each run's time in ms. */
export const repeated = (job: () => Promise<unknown>, times: number, concurrency: number) =>
  timed(
    Array.from({ length: times }, () => job),
    concurrency,
  );
