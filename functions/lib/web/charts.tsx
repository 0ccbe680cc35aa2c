/**
 * Charts as inline SVG drawn on the server: no script, no inline style (the CSP forbids both).
 * Each chart has a title and a description for screen readers, and the page shows the same
 * figures in a table beside it; the chart is a picture of the table, never the only copy.
 */

const W = 640;
const H = 240;
const PAD = { left: 72, right: 16, top: 16, bottom: 40 };
/** GOV.UK palette colours, distinguishable side by side. */
export const seriesColours = ['#1d70b8', '#00703c', '#d4351c', '#4c2c92', '#f47738', '#28a197', '#5694ca', '#912b88'];

const scale = (v: number, max: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - (max ? v / max : 0));

function Axis({ max, format }: { max: number; format: (v: number) => string }) {
  return (
    <>
      <line class="grantloop-chart__axis" x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={H - PAD.bottom} stroke="#505a5f" />
      <line class="grantloop-chart__axis" x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} stroke="#505a5f" />
      <text class="grantloop-chart__label" x={PAD.left - 6} y={scale(max, max) + 4} text-anchor="end">
        {format(max)}
      </text>
      <text class="grantloop-chart__label" x={PAD.left - 6} y={scale(0, max) + 4} text-anchor="end">
        {format(0)}
      </text>
    </>
  );
}

/** A step line of one value over time (a balance): one point per change, drawn flat until the next. */
export function StepChart(p: {
  id: string;
  title: string;
  description: string;
  points: { label: string; value: number }[];
  format: (v: number) => string;
}) {
  const max = Math.max(1, ...p.points.map((x) => x.value));
  const step = p.points.length > 1 ? (W - PAD.left - PAD.right) / (p.points.length - 1) : 0;
  const xy = p.points.map((pt, i) => [PAD.left + i * step, scale(Math.max(0, pt.value), max)] as const);
  const path = xy.map(([x, y], i) => (i === 0 ? `M${x},${y}` : `H${x}V${y}`)).join('');
  const first = p.points[0];
  const last = p.points.at(-1);
  return (
    <svg class="grantloop-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${p.id}-title ${p.id}-desc`} width={W} height={H}>
      <title id={`${p.id}-title`}>{p.title}</title>
      <desc id={`${p.id}-desc`}>{p.description}</desc>
      <Axis max={max} format={p.format} />
      {xy.length > 0 && <path d={path} fill="none" stroke={seriesColours[0]} stroke-width="3" />}
      {first && (
        <text class="grantloop-chart__label" x={PAD.left} y={H - PAD.bottom + 18}>
          {first.label}
        </text>
      )}
      {last && p.points.length > 1 && (
        <text class="grantloop-chart__label" x={W - PAD.right} y={H - PAD.bottom + 18} text-anchor="end">
          {last.label}
        </text>
      )}
    </svg>
  );
}

/** Stacked columns: one per category (a financial year), one coloured segment per series (a funder). */
export function StackedColumns(p: {
  id: string;
  title: string;
  description: string;
  categories: string[];
  series: { name: string; values: number[] }[];
  format: (v: number) => string;
}) {
  const totals = p.categories.map((_, i) => p.series.reduce((a, s) => a + (s.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const slot = (W - PAD.left - PAD.right) / Math.max(1, p.categories.length);
  const width = Math.min(80, slot * 0.6);
  const legendTop = H + 8;
  return (
    <svg
      class="grantloop-chart"
      viewBox={`0 0 ${W} ${H + 22 * p.series.length + 8}`}
      role="img"
      aria-labelledby={`${p.id}-title ${p.id}-desc`}
      width={W}
      height={H + 22 * p.series.length + 8}
    >
      <title id={`${p.id}-title`}>{p.title}</title>
      <desc id={`${p.id}-desc`}>{p.description}</desc>
      <Axis max={max} format={p.format} />
      {p.categories.map((category, i) => {
        const x = PAD.left + slot * i + (slot - width) / 2;
        let base = 0;
        return (
          <>
            {p.series.map((s, k) => {
              const v = s.values[i] ?? 0;
              const y0 = scale(base, max);
              base += v;
              const y1 = scale(base, max);
              return v > 0 ? (
                <rect x={x} y={y1} width={width} height={Math.max(1, y0 - y1)} fill={seriesColours[k % seriesColours.length]} />
              ) : null;
            })}
            <text class="grantloop-chart__label" x={x + width / 2} y={H - PAD.bottom + 18} text-anchor="middle">
              {category}
            </text>
          </>
        );
      })}
      {p.series.map((s, k) => (
        <>
          <rect x={PAD.left} y={legendTop + 22 * k} width="14" height="14" fill={seriesColours[k % seriesColours.length]} />
          <text class="grantloop-chart__label" x={PAD.left + 20} y={legendTop + 22 * k + 12}>
            {s.name}
          </text>
        </>
      ))}
    </svg>
  );
}
