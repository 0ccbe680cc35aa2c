import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { LinkPage } from '../../shared/app/report-links';
import { logger } from './logger';

/**
 * The pages behind emailed links: plain HTML forms that work without JavaScript, sent with
 * headers that keep the token out of referrers, caches and search engines.
 */
const headers = {
  'content-type': 'text/html; charset=utf-8',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-robots-tag': 'noindex, nofollow',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
};

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
const longDate = (d: string) =>
  new Date(`${d}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const style = `body{font-family:Arial,Helvetica,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#0b0c0c;line-height:1.5}
h1{font-size:1.8rem}label{display:block;font-weight:bold;margin-top:1.2rem}.hint{color:#505a5f;font-weight:normal}
input,textarea{font:inherit;width:100%;box-sizing:border-box;padding:.4rem;border:2px solid #0b0c0c}textarea{min-height:6rem}
.error{color:#d4351c}.error-summary{border:4px solid #d4351c;padding:1rem}.notice{border-left:8px solid #1d70b8;padding:.5rem 1rem;background:#f3f2f1}
button{font:inherit;margin:1.5rem 1rem 0 0;padding:.6rem 1.2rem;border:0;background:#00703c;color:#fff}button.secondary{background:#f3f2f1;color:#0b0c0c}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:bold}`;

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer"><title>${esc(title)} – grantloop</title><style>${style}</style></head><body><main>${body}</main></body></html>`;
}

function errorSummary(errors: { field: string; message: string }[]): string {
  if (!errors.length) return '';
  return `<div class="error-summary" role="alert"><h2>There is a problem</h2><ul>${errors.map((e) => `<li><a href="#${esc(e.field)}">${esc(e.message)}</a></li>`).join('')}</ul></div>`;
}

export function renderLinkPage(page: LinkPage): { status: number; html: string } {
  switch (page.kind) {
    case 'problem':
      return {
        status: page.status,
        html: layout(
          page.title,
          `<h1>${esc(page.title)}</h1><p>${esc(page.message)}</p>${page.contact ? `<p>Contact: ${esc(page.contact.name)}, <a href="mailto:${esc(page.contact.email)}">${esc(page.contact.email)}</a></p>` : ''}`,
        ),
      };
    case 'done':
      return { status: 200, html: layout(page.title, `<h1>${esc(page.title)}</h1><p>${esc(page.message)}</p>`) };
    case 'evidence-form': {
      const err = (f: string) =>
        page.errors
          .filter((e) => e.field === f)
          .map((e) => `<span class="error">${esc(e.message)}</span>`)
          .join('');
      return {
        status: page.status,
        html: layout(
          'Evidence for a condition',
          `${errorSummary(page.errors)}<h1>Evidence for a condition of your grant</h1>
<dl><dt>Grant</dt><dd>${esc(page.grantTitle)}</dd><dt>Organisation</dt><dd>${esc(page.recipientName)}</dd><dt>Condition</dt><dd>${esc(page.condition.description)}</dd></dl>
<form method="post"><input type="hidden" name="scope" value="${esc(page.condition.id)}">
<label for="text">A short note <span class="hint">(what you did, and where the funder can see it)</span></label>${err('text')}<textarea id="text" name="text">${esc(page.values.text)}</textarea>
<label for="url">A web link <span class="hint">(optional, starting https://)</span></label>${err('url')}<input id="url" name="url" type="url" value="${esc(page.values.url)}">
<button type="submit" name="action" value="submit">Send evidence</button></form>`,
        ),
      };
    }
    case 'report-form': {
      const err = (f: string) =>
        page.errors
          .filter((e) => e.field === f)
          .map((e) => `<span class="error">${esc(e.message)}</span>`)
          .join('');
      const measures = page.template.measures
        .map((m) => {
          const field = `measures.${m.id}`;
          const unit = m.type === 'currency' ? ' (£)' : m.type === 'percentage' ? ' (%)' : m.unit ? ` (${m.unit})` : '';
          return `<label for="${field}">${esc(m.label)}<span class="hint">${esc(unit)}</span></label>${err(field)}<input id="${field}" name="${field}" inputmode="decimal" value="${esc(page.values.measures[m.id] ?? '')}">`;
        })
        .join('\n');
      const questions = page.template.questions
        .map((q) => {
          const field = `questions.${q.id}`;
          return `<label for="${field}">${esc(q.text)} <span class="hint">(up to ${q.maxLength} characters)</span></label>${err(field)}<textarea id="${field}" name="${field}" maxlength="${q.maxLength}">${esc(page.values.questions[q.id] ?? '')}</textarea>`;
        })
        .join('\n');
      return {
        status: page.status,
        html: layout(
          page.report.label,
          `${errorSummary(page.errors)}<h1>${esc(page.report.label)}</h1>
${page.notice ? `<p class="notice">${esc(page.notice)}</p>` : ''}${page.comments ? `<div class="notice"><h2>Changes asked for</h2><p>${esc(page.comments)}</p></div>` : ''}
<dl><dt>Grant</dt><dd>${esc(page.grantTitle)}</dd><dt>From</dt><dd>${esc(page.funderName)}</dd><dt>Organisation</dt><dd>${esc(page.recipientName)}</dd>
<dt>Period</dt><dd>${esc(longDate(page.report.periodStart))} to ${esc(longDate(page.report.periodEnd))}</dd><dt>Due</dt><dd>${esc(longDate(page.report.dueDate))}</dd></dl>
<form method="post"><input type="hidden" name="scope" value="${esc(page.report.id)}">
<h2>Figures</h2>${measures}<h2>In your words</h2>${questions}
<button type="submit" name="action" value="submit">Send report</button><button type="submit" name="action" value="save" class="secondary">Save draft</button></form>`,
        ),
      };
    }
  }
}

/** A form body, urlencoded as browsers send it (API Gateway may hand it over base64-encoded). */
export function formFields(event: APIGatewayProxyEventV2): Record<string, string> {
  if (!event.body) return {};
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  return Object.fromEntries(new URLSearchParams(raw));
}

export function linkRoute(fn: (token: string, form: Record<string, string>) => Promise<LinkPage>) {
  return middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>().handler(async (event) => {
    try {
      const page = await fn(event.pathParameters?.token ?? '', event.requestContext.http.method === 'POST' ? formFields(event) : {});
      const { status, html } = renderLinkPage(page);
      return { statusCode: status, headers, body: html };
    } catch (error) {
      logger.error('link page failed', { error: error as Error });
      return {
        statusCode: 500,
        headers,
        body: layout('Something went wrong', '<h1>Something went wrong</h1><p>Nothing was sent. Please try again in a few minutes.</p>'),
      };
    }
  });
}
