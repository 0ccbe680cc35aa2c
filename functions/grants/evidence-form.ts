import type { EvidenceForm } from '../../shared/grants/condition-link';
import { errorSummary, esc, fieldErrors, layout } from '../lib/html';

/** The page behind a condition's emailed link: a short note and/or a web link. */
export function renderEvidenceForm(page: EvidenceForm): string {
  const err = (f: string) => fieldErrors(page.errors, f);
  return layout(
    'Evidence for a condition',
    `${errorSummary(page.errors)}<h1>Evidence for a condition of your grant</h1>
<dl><dt>Grant</dt><dd>${esc(page.grantTitle)}</dd><dt>Organisation</dt><dd>${esc(page.recipientName)}</dd><dt>Condition</dt><dd>${esc(page.condition.description)}</dd></dl>
<form method="post"><input type="hidden" name="scope" value="${esc(page.condition.id)}">
<label for="text">A short note <span class="hint">(what you did, and where the funder can see it)</span></label>${err('text')}<textarea id="text" name="text">${esc(page.values.text)}</textarea>
<label for="url">A web link <span class="hint">(optional, starting https://)</span></label>${err('url')}<input id="url" name="url" type="url" value="${esc(page.values.url)}">
<button type="submit" name="action" value="submit">Send evidence</button></form>`,
  );
}
