/** Rows as aligned text columns: the columns in `left` (by default the first) padded on the right, numbers on the left. */
export function columns(rows: string[][], left: number[] = [0]): string {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (left.includes(i) ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
