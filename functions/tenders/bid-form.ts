import { dayInWords, pounds, timeInWords } from '../../shared/platform/format';
import type { BidForm } from '../../shared/tenders/bid-link';
import { errorSummary, esc, fieldErrors, layout } from '../lib/html';

/** The bid form at a provider's link: a fieldset per lot, ticked to bid for it; no script needed. */
export function renderBidForm(page: BidForm): string {
  const v = (f: string) => esc(page.values[f] ?? '');
  const err = (f: string) => fieldErrors(page.errors, f);
  const lots = page.lots
    .map((lot) => {
      const p = `lot.${lot.id}`;
      const questions = page.questions
        .map(
          (q) =>
            `<label for="${p}.${q.id}">${esc(q.title)} <span class="hint">(${q.weight}% of the score)</span></label>${err(`${p}.${q.id}`)}<textarea id="${p}.${q.id}" name="${p}.${q.id}">${v(`${p}.${q.id}`)}</textarea>`,
        )
        .join('');
      return `<fieldset id="${p}"><legend><strong>${esc(lot.title)}</strong> (${esc(lot.scope)}, up to ${esc(pounds(lot.value))})</legend>
<label><input type="checkbox" name="${p}.include" value="yes" style="width:auto"${page.values[`${p}.include`] === 'yes' ? ' checked' : ''}> Bid for this lot</label>
<label for="${p}.price">Your price for the whole contract, in pounds <span class="hint">(${page.priceWeight}% of the score; the lowest price scores highest)</span></label>${err(`${p}.price`)}<input id="${p}.price" name="${p}.price" inputmode="decimal" value="${v(`${p}.price`)}">
${questions}
<label for="${p}.documents">Supporting documents <span class="hint">(optional: links starting https://, one per line)</span></label>${err(`${p}.documents`)}<textarea id="${p}.documents" name="${p}.documents">${v(`${p}.documents`)}</textarea></fieldset>`;
    })
    .join('');
  const clarifications = page.clarifications
    .map(
      (c) => `<dt>${esc(c.question)}</dt><dd>${esc(c.answer)} <span class="hint">(answered ${esc(dayInWords(c.answeredAt))})</span></dd>`,
    )
    .join('');
  const docs = page.tender.documents.map((d) => `<li><a href="${esc(d.url)}">${esc(d.title)}</a></li>`).join('');
  return layout(
    `Bid: ${page.tender.title}`,
    `${errorSummary(page.errors)}<h1>Your bid: ${esc(page.tender.title)}</h1>
${page.notice ? `<p class="notice">${esc(page.notice)}</p>` : ''}
<p>${esc(page.tender.description)}</p>${docs ? `<ul>${docs}</ul>` : ''}
<dl><dt>Bidding as</dt><dd>${esc(page.orgName)}</dd><dt>Buyer</dt><dd>${esc(page.buyerName)}</dd><dt>Deadline</dt><dd>${esc(timeInWords(page.tender.dates.submissionDeadline))}</dd></dl>
${clarifications ? `<h2>Clarifications</h2><p>Questions providers asked, and the buyer's answers (sent to every provider; nobody is told who asked).</p><dl>${clarifications}</dl>` : ''}
<p>Bids are sealed: nobody can read them, or know how many there are, until the deadline. Until then you can send this form again to replace your bid.</p>
<form method="post"><input type="hidden" name="scope" value="${esc(page.scope)}">${err('lots')}${lots}
<button type="submit">${page.revision ? 'Replace my bid' : 'Send my bid'}</button></form>`,
  );
}
