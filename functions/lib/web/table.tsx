import type { Child } from 'hono/jsx';
import { plural } from '../../../shared/platform/format';

/**
 * GOV.UK tables, as the list pages show their records: a column is its label (text) or, for a
 * figure, `{ label, numeric: true }` (`figures(...)` for several); a record's first cell is a
 * `Link` to its own page.
 */
export interface Column {
  label: string;
  numeric?: boolean;
}

/** How large a table's caption is: a table under a small heading takes a small caption, so it does not outrank the heading. */
type CaptionSize = 's' | 'm';

/** A GOV.UK table; numeric columns are right-aligned so figures line up. */
export function Table({
  caption,
  captionSize = 'm',
  columns,
  rows,
  id,
}: {
  caption?: string;
  captionSize?: CaptionSize;
  columns: (Column | string)[];
  rows: Child[][];
  id?: string;
}) {
  const cols = columns.map((c) => (typeof c === 'string' ? { label: c } : c));
  return (
    <table class="govuk-table" id={id}>
      {caption && <caption class={`govuk-table__caption govuk-table__caption--${captionSize}`}>{caption}</caption>}
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          {cols.map((c) => (
            <th scope="col" class={`govuk-table__header${c.numeric ? ' govuk-table__header--numeric' : ''}`}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {rows.map((row) => (
          <tr class="govuk-table__row">
            {row.map((cell, i) => (
              <td class={`govuk-table__cell${cols[i]?.numeric ? ' govuk-table__cell--numeric grantloop-figure' : ''}`}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Columns of figures, right-aligned. */
export const figures = (...labels: string[]): Column[] => labels.map((label) => ({ label, numeric: true }));

/** A GOV.UK link: a list's cell naming a record, linking to its page. */
export const Link = ({ href, children }: { href: string; children: Child }) => (
  <a class="govuk-link" href={href}>
    {children}
  </a>
);

/** Records as a table, or the sentence saying there are none. */
export function TableOrNone(p: {
  none: string;
  caption?: string;
  captionSize?: CaptionSize;
  columns: (Column | string)[];
  rows: Child[][];
  id?: string;
}) {
  if (!p.rows.length) return <p class="govuk-body">{p.none}</p>;
  return <Table id={p.id} caption={p.caption} captionSize={p.captionSize} columns={p.columns} rows={p.rows} />;
}

/** A list of records, captioned with how many there are (`noun` counted), or the sentence saying there are none. */
export function Listing(p: { id: string; noun: string; none: string; columns: (Column | string)[]; rows: Child[][] }) {
  return <TableOrNone id={p.id} caption={plural(p.rows.length, p.noun)} none={p.none} columns={p.columns} rows={p.rows} />;
}
