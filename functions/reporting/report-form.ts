import { dayInWords } from '../../shared/platform/format';
import type { ReportForm } from '../../shared/reporting/report-link';
import { errorSummary, esc, fieldErrors, layout } from '../lib/html';

/**
 * The funder's comments above the form (GOV.UK inset text), each paragraph as written, so the
 * provider reads what to change before the answers they sent, which are filled in below.
 */
function reviewerComments(page: ReportForm): string {
  if (!page.comments) return '';
  const paragraphs = page.comments
    .split(/\r?\n\s*\r?\n/)
    .map((p) => `<p>${esc(p.trim()).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
  return `<div class="notice govuk-inset-text" id="reviewer-comments"><h2>What the reviewer asked you to change</h2>${paragraphs}</div>`;
}

/** The page behind a report's emailed link: the template's figures and questions, a draft kept. */
export function renderReportForm(page: ReportForm): string {
  const err = (f: string) => fieldErrors(page.errors, f);
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
  return layout(
    page.report.label,
    `${errorSummary(page.errors)}<h1>${esc(page.report.label)}</h1>
${reviewerComments(page)}${page.notice ? `<p class="notice">${esc(page.notice)}</p>` : ''}
<dl><dt>Grant</dt><dd>${esc(page.grantTitle)}</dd><dt>From</dt><dd>${esc(page.funderName)}</dd><dt>Organisation</dt><dd>${esc(page.recipientName)}</dd>
<dt>Period</dt><dd>${esc(dayInWords(page.report.periodStart))} to ${esc(dayInWords(page.report.periodEnd))}</dd><dt>Due</dt><dd>${esc(dayInWords(page.report.dueDate))}</dd></dl>
<form method="post"><input type="hidden" name="scope" value="${esc(page.report.id)}">
<h2>Figures</h2>${measures}<h2>In your words</h2>${questions}
<button type="submit" name="action" value="submit">Send report</button><button type="submit" name="action" value="save" class="secondary">Save draft</button></form>`,
  );
}
