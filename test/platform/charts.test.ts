import { describe, expect, it } from 'vitest';
import { BalanceChart, BarChart, balanceGeometry, monthSpan, niceTicks, StackedColumns } from '../../functions/lib/web/charts';

/** A chart rendered to its SVG text, as the page sends it. */
const svgOf = async (element: unknown) => String(await (element as { toString(): string | Promise<string> }).toString());

/** A chart's id and title; its description is no part of what these tests look at. */
const named = (id: string, title: string) => ({ id, title, description: 'd' });

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (m) => entities[m] ?? m);

/**
 * Every label's box, from its position and anchor and a width worked out here on its own terms
 * (0.6em a character at the charts' 12px, an ascent of 12px above the baseline, 4px below it).
 */
function labelsOutside(svg: string): string[] {
  const [, w, h] = /viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(svg) ?? [];
  const width = Number(w);
  const height = Number(h);
  const out: string[] = [];
  for (const m of svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)) {
    const attrs = m[1] as string;
    const text = decode(m[2] as string);
    const x = Number(/ x="([-\d.]+)"/.exec(attrs)?.[1]);
    const y = Number(/ y="([-\d.]+)"/.exec(attrs)?.[1]);
    const anchor = /text-anchor="(\w+)"/.exec(attrs)?.[1] ?? 'start';
    const long = text.length * 0.6 * 12;
    const left = anchor === 'end' ? x - long : anchor === 'middle' ? x - long / 2 : x;
    if (left < 0 || left + long > width || y - 12 < 0 || y + 4 > height) out.push(`"${text}" at ${x},${y} (${anchor})`);
  }
  return out;
}

describe('charts drawn to scale', () => {
  it('puts ticks at round values from zero, the last at or above the largest figure', () => {
    // £150,000.17 in pence: steps of £50,000 up to £200,000.
    expect(niceTicks(15_000_017, { minStep: 100 })).toEqual([0, 5_000_000, 10_000_000, 15_000_000, 20_000_000]);
    expect(niceTicks(100, { target: 4 })).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(3, { target: 4, minStep: 1 })).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0, { minStep: 100 })).toEqual([0, 100]);
  });

  it('spans whole months on the London calendar, to the month after the last date', () => {
    // 23:30 UTC on 31 March 2026 is 00:30 BST on 1 April.
    expect(monthSpan('2026-03-31T23:30:00Z', '2026-04-10')).toEqual(['2026-04-01', '2026-05-01']);
    expect(monthSpan('2026-11-15', '2027-01-31T12:00:00Z')).toEqual(['2026-11-01', '2026-12-01', '2027-01-01', '2027-02-01']);
  });

  it('places each balance at its own date, not at equal steps', () => {
    const g = balanceGeometry([
      { at: '2026-04-01T00:00:00Z', value: 10_000_000 },
      { at: '2026-05-01T00:00:00Z', value: 15_000_017 },
      { at: '2026-06-16T00:00:00Z', value: 5_000_000 },
    ]);
    // Labels £0…£200,000: the longest is 8 characters (57.6px), so the plot starts at 58 + 16 = 74;
    // it ends at 600 - 40 = 560 (486 wide) and runs from 16 down to 260 - 40 = 220 (204 high).
    expect(g.box).toEqual({ left: 74, right: 560, top: 16, bottom: 220 });
    // 1 April to 1 July 2026 is 91 days: 1 May is day 30 (74 + 486 × 30/91 = 234.22), 16 June day 76
    // (74 + 486 × 76/91 = 479.89). £100,000 of £200,000 is half the height (220 - 102 = 118);
    // £150,000.17 is 204 × 0.75000085 = 153.0002 above the axis (66.9998); £50,000 is 220 - 51 = 169.
    const corners = g.corners.map(([x, y]) => [Math.round(x * 100) / 100, Math.round(y * 100) / 100]);
    expect(corners).toEqual([
      [74, 220],
      [74, 220],
      [74, 118],
      [234.22, 118],
      [234.22, 67],
      [479.89, 67],
      [479.89, 169],
    ]);
    // A tick on the first of each month: 1 June is day 61 (74 + 486 × 61/91 = 399.78).
    expect(g.monthTicks.map((t) => [Math.round(t.x * 100) / 100, t.label])).toEqual([
      [74, 'Apr 2026'],
      [234.22, 'May 2026'],
      [399.78, 'Jun 2026'],
      [560, 'Jul 2026'],
    ]);
    expect(g.valueTicks.map((t) => [t.y, t.label])).toEqual([
      [220, '£0'],
      [169, '£50,000'],
      [118, '£100,000'],
      [67, '£150,000'],
      [16, '£200,000'],
    ]);
  });

  it('keeps at most eight month ticks on a long axis', () => {
    const g = balanceGeometry([
      { at: '2026-04-01', value: 100 },
      { at: '2027-04-30', value: 200 },
    ]);
    // April 2026 to May 2027 is 14 month starts: every second one is labelled.
    expect(g.monthTicks.map((t) => t.label)).toEqual(['Apr 2026', 'Jun 2026', 'Aug 2026', 'Oct 2026', 'Dec 2026', 'Feb 2027', 'Apr 2027']);
  });

  it('cuts off no label: every text of every chart lies inside its viewBox, the top tick with its £', async () => {
    const charts = await Promise.all(
      [
        BalanceChart({
          ...named('b', 'Balance'),
          points: [
            { at: '2026-04-12T09:00:00Z', value: 1_234_567_890 },
            { at: '2026-12-31T23:59:00Z', value: 15_000_017 },
          ],
        }),
        StackedColumns({
          ...named('s', 'Columns'),
          categories: ['2026-27', '2027-28', '2028-29', '2029-30', '2030-31', '2031-32'],
          series: [
            {
              name: 'Wyvernshire County Council and its many partners in the north of the county and beyond, a very long name',
              values: [1, 2, 3, 4, 5, 6],
            },
            { name: 'NHS Wyvernshire ICB', values: [99_999_999, 0, 5, 0, 0, 1] },
          ],
        }),
        BarChart({
          ...named('h', 'Bars'),
          bars: [
            { label: 'A grant whose title goes on and on well past the width of the chart itself (Harbour Arts Collective)', value: 100 },
            { label: 'Short', value: 0 },
            { label: 'Middle', value: 62.5 },
          ],
          ticks: [0, 25, 50, 75, 100],
          format: (v) => `${v}%`,
        }),
      ].map(svgOf),
    );
    const [balance] = charts;
    // £12,345,678.90 at most: ticks every £5,000,000 up to £15,000,000, the top one whole.
    expect(balance).toContain('>£15,000,000</text>');
    for (const svg of charts) expect(labelsOutside(svg)).toEqual([]);
    // The check itself finds a label that would be cut off.
    expect(labelsOutside('<svg viewBox="0 0 100 50"><text x="10" y="20" text-anchor="end">£150,000.17</text></svg>')).toHaveLength(1);
  });

  it('describes itself to screen readers and draws nothing for a chart without figures', async () => {
    const svg = await svgOf(BalanceChart({ id: 'empty', title: 'Nothing yet', description: 'No entries', points: [] }));
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="empty-title empty-desc"');
    expect(svg).not.toContain('<path');
    expect(labelsOutside(svg)).toEqual([]);
  });
});
