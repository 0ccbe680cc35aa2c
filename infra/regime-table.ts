import { dutiesFor, dutyIds, dutyTitles } from '../shared/tenders/duties';
import { NOTIFIABLE_FROM, type RegimeFacts, THRESHOLDS } from '../shared/tenders/regime';
import { rewriteDocBlock } from './doc-blocks';

/**
 * docs/ARCHITECTURE.md's table of regimes × notices × periods, generated from the same
 * `dutiesFor` the workflow, the tender page and the OCDS releases use (a test fails if the
 * document and this differ): `npx tsx infra/regime-table.ts` rewrites the block in place.
 */
const pounds = (pence: number) => `£${(pence / 100).toLocaleString('en-GB')}`;

const columns: { heading: string; regime: RegimeFacts; advertised: boolean; voluntary?: number }[] = [
  { heading: 'above threshold', regime: fact('above-threshold', true), advertised: true },
  { heading: 'light touch', regime: fact('light-touch', true), advertised: true },
  { heading: 'light touch, voluntary standstill', regime: fact('light-touch', true), advertised: true, voluntary: 8 },
  { heading: 'below threshold, advertised', regime: fact('below-threshold', true), advertised: true },
  { heading: 'below threshold, by invitation', regime: fact('below-threshold', true), advertised: false },
  { heading: 'below threshold, under £30,000', regime: fact('below-threshold', false), advertised: true },
];

function fact(regime: RegimeFacts['regime'], notifiable: boolean): RegimeFacts {
  return { regime, notifiable, authorityType: 'sub-central', estimatedValue: 0, threshold: 0, thresholdsFrom: '2026-01-01' };
}

const cell = (d: { required: string; when: string; section: string }) =>
  `${d.required === 'yes' ? '**yes**' : d.required === 'voluntary' ? '**chosen**' : 'no'}: ${d.when} (${d.section})`;

export function regimeTable(): string {
  const rows = dutyIds.map((id) => {
    const cells = columns.map((c) => {
      const d = dutiesFor(c.regime, { advertised: c.advertised, voluntaryStandstillDays: c.voluntary, largestContract: 100_000_000 });
      return cell(d.find((x) => x.id === id) as (typeof d)[number]);
    });
    return `| ${dutyTitles[id]} | ${cells.join(' | ')} |`;
  });
  const thresholds = THRESHOLDS.map(
    (t) =>
      `| from ${t.from} | ${pounds(t.goodsAndServices['sub-central'])} | ${pounds(t.goodsAndServices.central)} | ${pounds(t.lightTouch)} | ${t.source} |`,
  );
  return [
    `| duty (for a £1m lot; KPIs and UK9 start above £5m) | ${columns.map((c) => c.heading).join(' | ')} |`,
    `| --- | ${columns.map(() => '---').join(' | ')} |`,
    ...rows,
    '',
    `Thresholds (VAT included; the set in force on the day the tender is drafted applies). Below threshold, a contract is notifiable from ${pounds(NOTIFIABLE_FROM['sub-central'])} (${pounds(NOTIFIABLE_FROM.central)} for central government).`,
    '',
    '| procurements beginning | goods and services, sub-central (councils) | goods and services, central government | light touch | source |',
    '| --- | --- | --- | --- | --- |',
    ...thresholds,
  ].join('\n');
}

if (process.argv[1]?.endsWith('regime-table.ts')) rewriteDocBlock('regimes', regimeTable());
