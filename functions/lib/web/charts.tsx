import type { Child } from 'hono/jsx';
import { shortMonth, wholePounds } from '../../../shared/platform/format';
import { londonDate } from '../../../shared/platform/london-time';

/**
 * Charts as inline SVG drawn on the server: no script, no inline style (the CSP forbids both).
 * Each has a title and a description for screen readers and sits beside a table of the same
 * figures (`ChartBeside`): the chart is a picture of the table, never the only copy. Charts are
 * drawn to scale: time on a date axis, amounts from zero, ticks at round values with labels.
 * Labels are placed from a generous width estimate so none is cut off at any font the page uses.
 */

/** Every chart's width in its own units (the viewBox); the page scales it to its column. */
const CHART_WIDTH = 600;
const FONT = 12;
/** A generous average character width at 12px in a system sans-serif (0.6em; digits are about 0.55em). */
const CHAR_WIDTH = 0.6 * FONT;
const textWidth = (s: string) => s.length * CHAR_WIDTH;
const fit = (s: string, room: number) => {
  const chars = Math.floor(room / CHAR_WIDTH);
  return s.length <= chars ? s : `${s.slice(0, Math.max(1, chars - 1))}…`;
};

/** GOV.UK palette colours, distinguishable side by side. */
const seriesColours = ['#1d70b8', '#00703c', '#d4351c', '#4c2c92', '#f47738', '#28a197', '#5694ca', '#912b88'];

/** Ticks from zero at a round step (1, 2, 2.5 or 5 × a power of ten), about `target` of them, the last at or above `max`. */
export function niceTicks(max: number, { target = 4, minStep = 1 } = {}): number[] {
  const raw = Math.max(max, minStep) / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(minStep, ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power);
  const top = Math.max(step, Math.ceil(max / step) * step);
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
}

const firstOfMonth = (date: string, add = 0) => {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + add, 1));
  return d.toISOString().slice(0, 10);
};
const dayOf = (at: string) => (/^\d{4}-\d{2}-\d{2}$/.test(at) ? at : londonDate(new Date(at)));

/** The first day of each month from the month of `from` to the month after `to` (the axis runs to that boundary). */
export function monthSpan(from: string, to: string): string[] {
  const months = [firstOfMonth(dayOf(from))];
  const end = firstOfMonth(dayOf(to), 1);
  while ((months.at(-1) as string) < end) months.push(firstOfMonth(months.at(-1) as string, 1));
  return months;
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Where a balance over time is drawn: the step line's corners on a date axis, and the ticks. */
export function balanceGeometry(points: { at: string; value: number }[], height = 260) {
  const months = monthSpan(points[0]?.at ?? '2026-01-01', points.at(-1)?.at ?? '2026-01-01');
  const t0 = Date.parse(`${months[0]}T00:00:00Z`);
  const t1 = Date.parse(`${months.at(-1)}T00:00:00Z`);
  const ticks = niceTicks(Math.max(0, ...points.map((p) => p.value)), { minStep: 100 });
  const top = ticks.at(-1) as number;
  const labels = ticks.map(wholePounds);
  const box: Box = { left: Math.ceil(Math.max(...labels.map(textWidth))) + 16, right: CHART_WIDTH - 40, top: 16, bottom: height - 40 };
  const x = (at: string) => box.left + ((box.right - box.left) * (Date.parse(at) - t0)) / (t1 - t0);
  const y = (v: number) => box.bottom - ((box.bottom - box.top) * Math.max(0, v)) / top;
  // Nothing in the pool before its first entry; each entry moves the line at its own date.
  const corners: [number, number][] = [[box.left, y(0)]];
  for (const p of points) corners.push([x(p.at), (corners.at(-1) as [number, number])[1]], [x(p.at), y(p.value)]);
  const every = Math.ceil((months.length - 1) / 7);
  const monthTicks = months.filter((_, i) => i % every === 0).map((m) => ({ x: x(`${m}T00:00:00Z`), label: shortMonth(m) }));
  return { box, height, corners, valueTicks: ticks.map((v, i) => ({ y: y(v), label: labels[i] as string })), monthTicks };
}

const round = (n: number) => Math.round(n * 100) / 100;

function Frame(p: { id: string; title: string; description: string; height: number; children: Child }) {
  return (
    <svg
      class="grantloop-chart"
      viewBox={`0 0 ${CHART_WIDTH} ${p.height}`}
      role="img"
      aria-labelledby={`${p.id}-title ${p.id}-desc`}
      width={CHART_WIDTH}
      height={p.height}
      id={p.id}
    >
      <title id={`${p.id}-title`}>{p.title}</title>
      <desc id={`${p.id}-desc`}>{p.description}</desc>
      {p.children}
    </svg>
  );
}

/** Horizontal gridlines with their labels on the left, and the axes. */
function ValueAxis({ box, ticks }: { box: Box; ticks: { y: number; label: string }[] }) {
  return (
    <>
      {ticks.map((t) => (
        <>
          <line class="grantloop-chart__grid" x1={box.left} y1={round(t.y)} x2={box.right} y2={round(t.y)} stroke="#b1b4b6" />
          <text class="grantloop-chart__label" x={box.left - 8} y={round(t.y + 4)} text-anchor="end">
            {t.label}
          </text>
        </>
      ))}
      <line class="grantloop-chart__axis" x1={box.left} y1={box.top} x2={box.left} y2={box.bottom} stroke="#505a5f" />
      <line class="grantloop-chart__axis" x1={box.left} y1={box.bottom} x2={box.right} y2={box.bottom} stroke="#505a5f" />
    </>
  );
}

/** A balance over time as a step line on a date axis: flat between entries, moving at each entry's date. */
export function BalanceChart(p: { id: string; title: string; description: string; points: { at: string; value: number }[] }) {
  const g = balanceGeometry(p.points);
  const path = g.corners.map(([x, y], i) => `${i ? 'L' : 'M'}${round(x)},${round(y)}`).join('');
  return (
    <Frame id={p.id} title={p.title} description={p.description} height={g.height}>
      <ValueAxis box={g.box} ticks={g.valueTicks} />
      {g.monthTicks.map((t) => (
        <>
          <line class="grantloop-chart__axis" x1={round(t.x)} y1={g.box.bottom} x2={round(t.x)} y2={g.box.bottom + 5} stroke="#505a5f" />
          <text class="grantloop-chart__label" x={round(t.x)} y={g.box.bottom + 20} text-anchor="middle">
            {t.label}
          </text>
        </>
      ))}
      {p.points.length > 0 && <path d={path} fill="none" stroke={seriesColours[0]} stroke-width="3" />}
    </Frame>
  );
}

/** Stacked columns: one per category (a financial year), one coloured segment per series (a funder), with a legend below. */
export function StackedColumns(p: {
  id: string;
  title: string;
  description: string;
  categories: string[];
  series: { name: string; values: number[] }[];
}) {
  const totals = p.categories.map((_, i) => p.series.reduce((a, s) => a + (s.values[i] ?? 0), 0));
  const ticks = niceTicks(Math.max(0, ...totals), { minStep: 100 });
  const top = ticks.at(-1) as number;
  const labels = ticks.map(wholePounds);
  const plotHeight = 220;
  const box: Box = { left: Math.ceil(Math.max(...labels.map(textWidth))) + 16, right: CHART_WIDTH - 16, top: 16, bottom: plotHeight - 40 };
  const y = (v: number) => box.bottom - ((box.bottom - box.top) * v) / top;
  const slot = (box.right - box.left) / Math.max(1, p.categories.length);
  const width = Math.min(80, slot * 0.6);
  const height = plotHeight + 22 * p.series.length + 8;
  return (
    <Frame id={p.id} title={p.title} description={p.description} height={height}>
      <ValueAxis box={box} ticks={ticks.map((v, i) => ({ y: y(v), label: labels[i] as string }))} />
      {p.categories.map((category, i) => {
        const x = box.left + slot * i + (slot - width) / 2;
        let base = 0;
        return (
          <>
            {p.series.map((s, k) => {
              const v = s.values[i] ?? 0;
              const y0 = y(base);
              base += v;
              return v > 0 ? (
                <rect
                  x={round(x)}
                  y={round(y(base))}
                  width={round(width)}
                  height={round(Math.max(1, y0 - y(base)))}
                  fill={seriesColours[k % 8]}
                />
              ) : null;
            })}
            <text class="grantloop-chart__label" x={round(x + width / 2)} y={box.bottom + 20} text-anchor="middle">
              {fit(category, slot)}
            </text>
          </>
        );
      })}
      <Legend names={p.series.map((s) => s.name)} top={plotHeight + 8} left={box.left} />
    </Frame>
  );
}

function Legend({ names, top, left }: { names: string[]; top: number; left: number }) {
  return (
    <>
      {names.map((name, k) => (
        <>
          <rect x={left} y={top + 22 * k} width="14" height="14" fill={seriesColours[k % seriesColours.length]} />
          <text class="grantloop-chart__label" x={left + 20} y={top + 22 * k + 12}>
            {fit(name, CHART_WIDTH - left - 24)}
          </text>
        </>
      ))}
    </>
  );
}

/**
 * Horizontal bars from zero, one per row, each labelled above its bar and with its value at its
 * end: long names (grants, functions) get the whole width instead of a narrow left margin.
 */
export function BarChart(p: {
  id: string;
  title: string;
  description: string;
  bars: { label: string; value: number }[];
  ticks: number[];
  format: (v: number) => string;
}) {
  const top = p.ticks.at(-1) as number;
  const valueRoom = Math.max(...p.bars.map((b) => textWidth(p.format(b.value))), textWidth(p.format(top)) / 2) + 12;
  const box: Box = { left: 12, right: CHART_WIDTH - valueRoom, top: 8, bottom: 8 + 40 * p.bars.length };
  const x = (v: number) => box.left + ((box.right - box.left) * Math.max(0, Math.min(v, top))) / top;
  const height = box.bottom + 30;
  return (
    <Frame id={p.id} title={p.title} description={p.description} height={height}>
      {p.ticks.map((v) => (
        <>
          <line class="grantloop-chart__grid" x1={round(x(v))} y1={box.top} x2={round(x(v))} y2={box.bottom} stroke="#b1b4b6" />
          <text class="grantloop-chart__label" x={round(x(v))} y={box.bottom + 18} text-anchor="middle">
            {p.format(v)}
          </text>
        </>
      ))}
      {p.bars.map((b, i) => {
        const rowTop = box.top + 40 * i;
        return (
          <>
            <text class="grantloop-chart__label" x={box.left} y={rowTop + 13}>
              {fit(b.label, CHART_WIDTH - box.left)}
            </text>
            <rect x={box.left} y={rowTop + 18} width={round(Math.max(1, x(b.value) - box.left))} height="16" fill={seriesColours[0]} />
            <text class="grantloop-chart__label" x={round(x(b.value) + 6)} y={rowTop + 31}>
              {p.format(b.value)}
            </text>
          </>
        );
      })}
      <line class="grantloop-chart__axis" x1={box.left} y1={box.top} x2={box.left} y2={box.bottom} stroke="#505a5f" />
    </Frame>
  );
}

/**
 * A chart with the table of its figures beside it (below it on a narrow screen): GOV.UK's grid,
 * two thirds for the picture and one third for the figures.
 */
export function ChartBeside({ heading, chart, table }: { heading: string; chart: Child; table: Child }) {
  return (
    <>
      <h2 class="govuk-heading-m">{heading}</h2>
      <div class="govuk-grid-row grantloop-chart-row">
        <div class="govuk-grid-column-two-thirds">{chart}</div>
        <div class="govuk-grid-column-one-third">{table}</div>
      </div>
    </>
  );
}
