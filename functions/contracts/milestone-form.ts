import type { MilestoneEvidenceForm } from '../../shared/contracts/milestone-link';
import { timeInWords } from '../../shared/platform/format';
import { errorSummary, esc, fieldErrors, layout } from '../lib/html';

/** The page behind a milestone's emailed link: what is due, and a note with an optional web link. */
export function renderMilestoneForm(page: MilestoneEvidenceForm): string {
  const err = (f: string) => fieldErrors(page.errors, f);
  const m = page.milestone;
  return layout(
    `Evidence: ${m.title}`,
    `${errorSummary(page.errors)}<h1>Evidence for a milestone</h1>
${page.sentAt ? `<p class="notice">We have evidence you sent at ${esc(timeInWords(page.sentAt))}; the council has not decided yet. Sending this form replaces it.</p>` : ''}
<dl><dt>Contract</dt><dd>${esc(page.contractTitle)}</dd><dt>With</dt><dd>${esc(page.councilName)}</dd><dt>Supplier</dt><dd>${esc(page.supplierName)}</dd>
<dt>Milestone</dt><dd>${esc(m.id)}: ${esc(m.title)}</dd><dt>Due</dt><dd>${esc(m.dueDate)}</dd><dt>What is due</dt><dd>${esc(m.deliverable)}</dd><dt>Evidence the council asks for</dt><dd>${esc(m.evidenceRequested)}</dd></dl>
<form method="post"><input type="hidden" name="scope" value="${esc(m.id)}">
<label for="text">What you delivered <span class="hint">(a short note)</span></label>${err('text')}<textarea id="text" name="text">${esc(page.values.text)}</textarea>
<label for="url">A web link <span class="hint">(optional, starting https://)</span></label>${err('url')}<input id="url" name="url" type="url" value="${esc(page.values.url)}">
<button type="submit">Send evidence</button></form>`,
  );
}
