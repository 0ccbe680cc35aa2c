import type { Block, EmailMessage } from './shape';
import { expiryNote, footerLines, greetingLine } from './shape';

/**
 * The plain-text part: read in any mail program and on any phone. No wrapping (mail programs
 * wrap), links on lines of their own so they can be tapped, the footer after the usual "-- ".
 */
function block(b: Block): string {
  if (typeof b === 'string') return b;
  if ('heading' in b) return b.heading.toUpperCase();
  if ('quote' in b)
    return b.quote
      .split('\n')
      .map((line) => `  ${line}`)
      .join('\n');
  if ('list' in b) return b.list.map((item) => `  - ${item}`).join('\n');
  if ('facts' in b)
    return [...(b.caption ? [`${b.caption}:`] : []), ...b.facts.map(([label, value]) => `  - ${label}: ${value}`)].join('\n');
  if ('link' in b) return `${b.link.label}:\n${b.link.url}`;
  const { head, rows } = b.table;
  return rows
    .map((row) =>
      [
        `  ${row.header}`,
        ...row.cells.flatMap((cell, i) => [
          `    ${head[i + 1] ?? ''}: ${cell.text}`,
          ...(cell.list ?? []).map((item) => `      - ${item}`),
        ]),
      ].join('\n'),
    )
    .join('\n\n');
}

export function renderText(m: EmailMessage): string {
  const action = m.action ? [`${m.action.label}:\n${m.action.url}`, ...(m.action.expires ? [expiryNote(m.action.expires)] : [])] : [];
  const parts = [greetingLine(m), ...m.body.map(block), ...action, ...(m.after ?? []).map(block)];
  return `${parts.join('\n\n')}\n\n-- \n${footerLines(m).join('\n')}\n`;
}
