import type { Contact } from '../../shared/platform/links/registry';

/**
 * Plain HTML for the pages behind emailed links: forms that work without JavaScript, with
 * everything escaped. Features render their own forms with these pieces.
 */
export const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const style = `body{font-family:Arial,Helvetica,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#0b0c0c;line-height:1.5}
h1{font-size:1.8rem}label{display:block;font-weight:bold;margin-top:1.2rem}.hint{color:#505a5f;font-weight:normal}
input,textarea{font:inherit;width:100%;box-sizing:border-box;padding:.4rem;border:2px solid #0b0c0c}textarea{min-height:6rem}
.error{color:#d4351c}.error-summary{border:4px solid #d4351c;padding:1rem}.notice{border-left:8px solid #1d70b8;padding:.5rem 1rem;background:#f3f2f1}
button{font:inherit;margin:1.5rem 1rem 0 0;padding:.6rem 1.2rem;border:0;background:#00703c;color:#fff}button.secondary{background:#f3f2f1;color:#0b0c0c}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:bold}`;

export function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer"><title>${esc(title)} – grantloop</title><style>${style}</style></head><body><main>${body}</main></body></html>`;
}

export function errorSummary(errors: { field: string; message: string }[]): string {
  if (!errors.length) return '';
  return `<div class="error-summary" role="alert"><h2>There is a problem</h2><ul>${errors.map((e) => `<li><a href="#${esc(e.field)}">${esc(e.message)}</a></li>`).join('')}</ul></div>`;
}

/** The inline error messages for one field. */
export const fieldErrors = (errors: { field: string; message: string }[], field: string) =>
  errors
    .filter((e) => e.field === field)
    .map((e) => `<span class="error">${esc(e.message)}</span>`)
    .join('');

export const problemPage = (p: { title: string; message: string; contact?: Contact }) =>
  layout(
    p.title,
    `<h1>${esc(p.title)}</h1><p>${esc(p.message)}</p>${p.contact ? `<p>Contact: ${esc(p.contact.name)}, <a href="mailto:${esc(p.contact.email)}">${esc(p.contact.email)}</a></p>` : ''}`,
  );

export const donePage = (p: { title: string; message: string }) => layout(p.title, `<h1>${esc(p.title)}</h1><p>${esc(p.message)}</p>`);
