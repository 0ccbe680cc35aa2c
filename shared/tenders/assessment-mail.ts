import { type Block, composeEmail } from '../platform/email/message';
import type { Email } from '../platform/ports';
import type { LotAssessment } from './assessment-summary';
import type { BidderMail } from './bidder-mail';

const points = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });

/** One lot: the verdict, the totals, and each criterion's scores with the panel's reasons (beside the winner's, for a losing bid). */
function lotBlocks(l: LotAssessment): Block[] {
  const head = ['Criterion (weight)', 'Your score and why', ...(l.successful ? [] : ['The winning tender’s score and why'])];
  return [
    { heading: `${l.lotTitle}: ${l.successful ? 'your tender is the most advantageous' : 'your tender was not successful'}` },
    l.successful
      ? `Your total score is ${points(l.yourTotal)} out of 100.`
      : `Your total score is ${points(l.yourTotal)} out of 100. The most advantageous tender, from ${l.winner}, scored ${points(l.winningTotal)}.`,
    {
      table: {
        head,
        rows: l.criteria.map((c) => ({
          header: `${c.title} (${c.weight}%)`,
          cells: [
            { text: points(c.yours.score), list: c.yours.reasons },
            ...(l.successful ? [] : [{ text: points(c.winning.score), list: c.winning.reasons }]),
          ],
        })),
      },
    },
  ];
}

/**
 * The assessment summary email to one bidder: for each lot it bid for, its scores with the
 * reasons, beside the winning tender's.
 */
export function assessmentSummaryEmail(
  p: BidderMail & {
    lots: LotAssessment[];
    /** What happens next, in words: the award notice and any standstill. */
    next: string;
  },
): Email {
  return composeEmail({
    to: [p.to],
    subject: `${p.tenderTitle}: your assessment summary`,
    greeting: p.orgName,
    body: [
      `The funders of "${p.tenderTitle}" have approved the award. Here is how your tender was assessed against each award criterion, with the panel's reasons${p.lots.some((l) => !l.successful) ? ', beside the most advantageous tender' : ''}. This is your assessment summary (Procurement Act 2023, section 50).`,
      ...p.lots.flatMap(lotBlocks),
    ],
    after: [p.next],
    sender: `the ${p.consortiumName} consortium`,
    questions: { name: p.buyerName, email: p.buyerEmail },
  });
}
