import { stringify } from 'csv-stringify/sync';
import type { Giving360Grant, Giving360Package } from './giving360-types';

type Cell = string | number | undefined;
type Column = { title: string; value: (g: Giving360Grant) => Cell };

const one = (title: string, value: (g: Giving360Grant) => Cell): Column => ({ title, value });

type Lists = 'fundingOrganization' | 'beneficiaryLocation' | 'classifications';
type Item<K extends Lists> = Giving360Grant[K][number];

/**
 * A list field spread over numbered columns, `Funding Org:0:Identifier`, `Funding Org:1:…`: the
 * standard's "Numbering" form for several occurrences on the grants sheet (standard
 * documentation/technical/reference.md, "One to many relationships"). As many as the grant with
 * the most has, so every row has the same columns.
 */
function numbered<K extends Lists>(pkg: Giving360Package, group: string, list: K, fields: [string, keyof Item<K>][]): Column[] {
  const count = Math.max(0, ...pkg.grants.map((g) => g[list].length));
  return Array.from({ length: count }, (_, i) =>
    fields.map(([title, key]) => one(`${group}:${i}:${title}`, (g) => (g[list][i] as Item<K> | undefined)?.[key] as Cell)),
  ).flat();
}

/**
 * The columns, titled as 360Giving's schema titles its fields (the spreadsheet form is the JSON
 * schema's `title`s joined by ":", e.g. `Recipient Org:Identifier`, `Planned Dates:Duration (months)`,
 * `Last Modified`). One-per-grant fields (recipient, planned dates, programme) are unnumbered.
 */
function columns(pkg: Giving360Package): Column[] {
  const recipient = (g: Giving360Grant) => g.recipientOrganization[0];
  return [
    one('Identifier', (g) => g.id),
    one('Title', (g) => g.title),
    one('Description', (g) => g.description),
    one('Currency', (g) => g.currency),
    one('Amount Awarded', (g) => g.amountAwarded),
    one('Amount Disbursed', (g) => g.amountDisbursed),
    one('Award Date', (g) => g.awardDate),
    one('Planned Dates:Start Date', (g) => g.plannedDates[0]?.startDate),
    one('Planned Dates:End Date', (g) => g.plannedDates[0]?.endDate),
    one('Planned Dates:Duration (months)', (g) => g.plannedDates[0]?.duration),
    one('Recipient Org:Identifier', (g) => recipient(g)?.id),
    one('Recipient Org:Name', (g) => recipient(g)?.name),
    one('Recipient Org:Charity Number', (g) => recipient(g)?.charityNumber),
    one('Recipient Org:Company Number', (g) => recipient(g)?.companyNumber),
    ...numbered(pkg, 'Funding Org', 'fundingOrganization', [
      ['Identifier', 'id'],
      ['Name', 'name'],
    ]),
    ...numbered(pkg, 'Beneficiary Location', 'beneficiaryLocation', [
      ['Name', 'name'],
      ['Country Code', 'countryCode'],
      ['Geographic Code', 'geoCode'],
      ['Geographic Code Type', 'geoCodeType'],
    ]),
    one('Grant Programme:Code', (g) => g.grantProgramme[0]?.code),
    one('Grant Programme:Title', (g) => g.grantProgramme[0]?.title),
    ...numbered(pkg, 'Classifications', 'classifications', [
      ['Vocabulary', 'vocabulary'],
      ['Code', 'code'],
      ['Title', 'title'],
    ]),
    one('For Regrant Type', (g) => g.regrantType),
    // A list of plain values is one cell, its values separated by ";" (flatten-tool, which 360Giving's tools use to read spreadsheets).
    one('Related Activity', (g) => g.relatedActivity?.join(';')),
    one('Last Modified', (g) => g.dateModified),
    one('Data Source', (g) => g.dataSource),
  ];
}

/** The package's grants as 360Giving's CSV: one row per grant, headed by the standard's column titles. */
export function giving360Csv(pkg: Giving360Package): string {
  const cols = columns(pkg);
  const rows = pkg.grants.map((g) => cols.map((c) => c.value(g) ?? ''));
  return stringify(rows, { header: true, columns: cols.map((c) => c.title) });
}
