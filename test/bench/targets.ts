/** One figure the benchmark holds the system to: `met` when `value` ≤ `limit`. */
export interface Target {
  name: string;
  value: number;
  limit: number;
  met: boolean;
  unit?: string;
}

export const target = (name: string, value: number, limit: number, unit?: string): Target => ({
  name,
  value: Math.round(value * 1000) / 1000,
  limit,
  met: Number.isFinite(value) && value <= limit,
  ...(unit ? { unit } : {}),
});

/** The table `npm run bench` prints: each figure with its target beside it and ✔ or ✘. */
export function targetTable(targets: Target[]): string {
  const rows = targets.map((t) => [t.met ? '✔' : '✘', t.name, `${t.value}${t.unit ?? ''}`, `≤ ${t.limit}${t.unit ?? ''}`]);
  const widths = [1, 2, 3].map((i) => Math.max(...rows.map((r) => (r[i] as string).length), 6));
  const pad = (s: string, w: number) => s.padEnd(w);
  return rows
    .map((r) => `${r[0]} ${pad(r[1] as string, widths[0] as number)}  ${pad(r[2] as string, widths[1] as number)}  ${r[3]}`)
    .join('\n');
}
