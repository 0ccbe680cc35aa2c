import type { Email } from '../platform/ports';
import type { CriterionAssessment, LotAssessment } from './assessment-summary';
import type { BidderMail } from './bidder-mail';

/** Escapes text for HTML: every value in the HTML part comes from people (titles, names, reasons). */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const points = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });

/** One block of the email, rendered both as plain text and as HTML, so the two parts always say the same. */
type Block = { p: string } | { h: string } | { rows: CriterionAssessment[] };

function lotBlocks(l: LotAssessment): Block[] {
  return [
    { h: `${l.lotTitle}: ${l.successful ? 'your tender is the most advantageous' : 'your tender was not successful'}` },
    {
      p: l.successful
        ? `Your total score is ${points(l.yourTotal)} out of 100.`
        : `Your total score is ${points(l.yourTotal)} out of 100. The most advantageous tender, from ${l.winner}, scored ${points(l.winningTotal)}.`,
    },
    { rows: l.criteria },
  ];
}

function text(blocks: Block[], successfulOnly: boolean): string {
  return blocks
    .map((b) => {
      if ('h' in b) return `${b.h.toUpperCase()}`;
      if ('p' in b) return b.p;
      return b.rows
        .map((c) => {
          const yours = `  ${c.title} (${c.weight}%): your score ${points(c.yours.score)}\n${c.yours.reasons.map((r) => `    - ${r}`).join('\n')}`;
          if (successfulOnly) return yours;
          return `${yours}\n    The winning tender's score: ${points(c.winning.score)}\n${c.winning.reasons.map((r) => `    - ${r}`).join('\n')}`;
        })
        .join('\n');
    })
    .join('\n\n');
}

function html(blocks: Block[], successfulOnly: boolean): string {
  const reasons = (rs: string[]) => (rs.length ? `<ul>${rs.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>` : '');
  return blocks
    .map((b) => {
      if ('h' in b) return `<h2>${esc(b.h)}</h2>`;
      if ('p' in b) return `<p>${esc(b.p)}</p>`;
      const head = `<tr><th scope="col">Criterion (weight)</th><th scope="col">Your score and why</th>${successfulOnly ? '' : '<th scope="col">The winning tender’s score and why</th>'}</tr>`;
      const rows = b.rows.map(
        (c) =>
          `<tr><th scope="row">${esc(c.title)} (${c.weight}%)</th><td>${points(c.yours.score)}${reasons(c.yours.reasons)}</td>${
            successfulOnly ? '' : `<td>${points(c.winning.score)}${reasons(c.winning.reasons)}</td>`
          }</tr>`,
      );
      return `<table>${head}${rows.join('')}</table>`;
    })
    .join('\n');
}

/**
 * The assessment summary email to one bidder: for each lot it bid for, its scores with the
 * reasons, beside the winning tender's. Text and HTML from the same blocks.
 */
export function assessmentSummaryEmail(
  p: BidderMail & {
    lots: LotAssessment[];
    /** What happens next, in words: the award notice and any standstill. */
    next: string;
  },
): Email {
  const intro: Block[] = [
    { p: `Hello ${p.orgName},` },
    {
      p: `The funders of "${p.tenderTitle}" have approved the award. Here is how your tender was assessed against each award criterion, with the panel's reasons${p.lots.some((l) => !l.successful) ? ', beside the most advantageous tender' : ''}. This is your assessment summary (Procurement Act 2023, section 50).`,
    },
  ];
  const outro: Block[] = [
    { p: p.next },
    { p: `Questions about the assessment: ${p.buyerName}, ${p.buyerEmail}.` },
    { p: `Sent by grantloop for the ${p.consortiumName} consortium.` },
  ];
  const textBody = [text(intro, false), ...p.lots.map((l) => text(lotBlocks(l), l.successful)), text(outro, false)].join('\n\n');
  const htmlBody = [html(intro, false), ...p.lots.map((l) => html(lotBlocks(l), l.successful)), html(outro, false)].join('\n');
  return {
    to: [p.to],
    subject: `${p.tenderTitle}: your assessment summary`,
    text: textBody,
    html: `<!doctype html><html lang="en"><body>${htmlBody}</body></html>`,
  };
}
