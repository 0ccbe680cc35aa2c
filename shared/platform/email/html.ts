import type { Block, EmailMessage } from './shape';
import { expiryNote, footerLines, greetingLine } from './shape';

/**
 * The HTML part: a whole, valid document (the W3C Nu checker passes it: test/platform/
 * email-html.engines.test.ts) with every style inline, since mail programs drop style sheets,
 * and nothing fetched (no images, fonts or scripts). Every value is escaped: titles, names,
 * comments and answers are typed by people.
 */

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Escaped, with the writer's line breaks kept. */
const words = (s: string) => escapeHtml(s).replace(/\r?\n/g, '<br>');

const font = 'font-family:Arial,Helvetica,sans-serif;';
const text = `${font}font-size:19px;line-height:1.4;color:#0b0c0c;`;
const p = (inner: string, style = '', margin = '0 0 20px 0') => `<p style="margin:${margin};${text}${style}">${inner}</p>`;
const cell = 'padding:8px 10px 8px 0;border-bottom:1px solid #b1b4b6;text-align:left;vertical-align:top;';
/** Only web addresses become links: an address someone typed (evidence) is otherwise shown, not followed. */
const link = (url: string, label: string) =>
  /^https?:\/\//i.test(url)
    ? `<a href="${escapeHtml(url)}" style="color:#1d70b8;text-decoration:underline;">${words(label)}</a>`
    : `${words(label)}: ${words(url)}`;
const list = (items: string[]) =>
  `<ul style="margin:0 0 20px 0;padding-left:20px;${text}">${items.map((i) => `<li style="margin-bottom:5px;">${words(i)}</li>`).join('')}</ul>`;

function block(b: Block): string {
  if (typeof b === 'string') return p(words(b));
  if ('heading' in b)
    return `<h2 style="margin:30px 0 15px 0;${font}font-size:24px;line-height:1.25;color:#0b0c0c;">${words(b.heading)}</h2>`;
  if ('quote' in b) return p(words(b.quote), 'padding:0 0 0 15px;border-left:5px solid #b1b4b6;');
  if ('list' in b) return list(b.list);
  if ('link' in b) return p(link(b.link.url, b.link.label));
  if ('facts' in b) {
    const caption = b.caption ? `<caption style="text-align:left;font-weight:bold;padding-bottom:10px;">${words(b.caption)}</caption>` : '';
    const rows = b.facts.map(
      ([label, value]) => `<tr><th scope="row" style="${cell}">${words(label)}</th><td style="${cell}">${words(value)}</td></tr>`,
    );
    return `<table style="border-collapse:collapse;margin:0 0 20px 0;${text}">${caption}<tbody>${rows.join('')}</tbody></table>`;
  }
  const { head, rows } = b.table;
  const heads = head.map((h) => `<th scope="col" style="${cell}">${words(h)}</th>`).join('');
  const body = rows.map(
    (r) =>
      `<tr><th scope="row" style="${cell}">${words(r.header)}</th>${r.cells
        .map(
          (c) =>
            `<td style="${cell}">${words(c.text)}${c.list?.length ? `<ul style="margin:5px 0 0 0;padding-left:20px;">${c.list.map((i) => `<li>${words(i)}</li>`).join('')}</ul>` : ''}</td>`,
        )
        .join('')}</tr>`,
  );
  return `<table style="border-collapse:collapse;margin:0 0 20px 0;${font}font-size:16px;line-height:1.3;color:#0b0c0c;"><thead><tr>${heads}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

/** The call to action as a green GOV.UK-style button, with the link's expiry under it. */
function action(a: NonNullable<EmailMessage['action']>): string {
  const button =
    `<a href="${escapeHtml(a.url)}" style="display:inline-block;padding:10px 15px;background-color:#00703c;color:#ffffff;${font}font-size:19px;font-weight:bold;text-decoration:none;border-bottom:2px solid #002d18;">` +
    `${words(a.label)}</a>`;
  return p(button, '', '10px 0 20px 0') + (a.expires ? p(words(expiryNote(a.expires))) : '');
}

export function renderHtml(m: EmailMessage): string {
  const main = [p(words(greetingLine(m))), ...m.body.map(block), ...(m.action ? [action(m.action)] : []), ...(m.after ?? []).map(block)];
  const footer = footerLines(m)
    .map((line) => `<p style="margin:0 0 10px 0;${font}font-size:16px;line-height:1.4;color:#505a5f;">${words(line)}</p>`)
    .join('');
  return (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${escapeHtml(m.subject)}</title>\n</head>\n` +
    `<body style="margin:0;padding:0;background-color:#ffffff;">\n` +
    `<div style="background-color:#0b0c0c;border-bottom:10px solid #1d70b8;padding:10px 15px;${font}font-size:24px;font-weight:bold;color:#ffffff;">grantloop</div>\n` +
    `<div style="max-width:640px;padding:20px 15px;">\n${main.join('\n')}\n` +
    `<div style="border-top:1px solid #b1b4b6;padding-top:15px;margin-top:30px;">${footer}</div>\n</div>\n</body>\n</html>\n`
  );
}
