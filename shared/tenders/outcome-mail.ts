import { type Block, composeEmail } from '../platform/email/message';
import { pounds } from '../platform/format';
import type { Email } from '../platform/ports';
import type { BidderMail } from './bidder-mail';
import type { Bid } from './store';
import type { Tender } from './tender';

/**
 * Each bidder is told, once the award is decided, the outcome of every lot it bid for: its own
 * price, whether it won, and otherwise to whom the lot went (named in the award notice anyway)
 * or that nobody was awarded it. Nothing of any other bid: no price, no score, no count.
 */
interface LotOutcomeLine {
  lotTitle: string;
  outcome: 'successful' | 'unsuccessful' | 'not-awarded';
  yourPrice: number;
  /** Who was awarded the lot, when it was not this bidder. */
  winner?: string | undefined;
}

/** By interest id, each bidder's lots in the tender's order, with their outcomes as the tender records them now. */
export function lotOutcomes(t: Pick<Tender, 'lots' | 'outcomes'>, bids: Bid[]): Map<string, LotOutcomeLine[]> {
  const out = new Map<string, LotOutcomeLine[]>();
  for (const b of bids) {
    const lines = t.lots.flatMap((lot) => {
      const mine = b.lots.find((l) => l.lotId === lot.id);
      if (!mine) return [];
      const o = t.outcomes.find((x) => x.lotId === lot.id);
      const awarded = o?.status === 'awarded' && o.winner;
      const line: LotOutcomeLine = !awarded
        ? { lotTitle: lot.title, outcome: 'not-awarded', yourPrice: mine.price }
        : o.winner?.interestId === b.interestId
          ? { lotTitle: lot.title, outcome: 'successful', yourPrice: mine.price }
          : { lotTitle: lot.title, outcome: 'unsuccessful', yourPrice: mine.price, winner: o.winner?.orgName };
      return [line];
    });
    if (lines.length) out.set(b.interestId, lines);
  }
  return out;
}

const verdicts = { successful: 'successful', unsuccessful: 'not successful', 'not-awarded': 'not awarded' } as const;

/** A lot's outcome: its heading, then what it means for the bidder. */
function lotBlocks(l: LotOutcomeLine, buyer: string): Block[] {
  const heading = { heading: `${l.lotTitle}: ${verdicts[l.outcome]}` };
  if (l.outcome === 'successful')
    return [
      heading,
      `You are awarded this lot at your price of ${pounds(l.yourPrice)}. ${buyer} will be in touch about the agreement and the first payment.`,
    ];
  if (l.outcome === 'unsuccessful')
    return [heading, `Your bid of ${pounds(l.yourPrice)} was not successful: the lot is awarded to ${l.winner}.`];
  return [heading, 'No one is awarded this lot, so no contract is made for it from this tender.'];
}

/** The email to one bidder: a paragraph per lot it bid for, the outcome first. */
export function lotOutcomeEmail(
  p: BidderMail & {
    lots: LotOutcomeLine[];
    /** Why the tender ended without an award, if it did. */
    ended?: string | undefined;
  },
): Email {
  const won = p.lots.filter((l) => l.outcome === 'successful').length;
  const subject =
    p.lots.length === 1
      ? `${p.tenderTitle}: your bid for ${p.lots[0]?.lotTitle} was ${verdicts[p.lots[0]?.outcome ?? 'not-awarded']}`
      : `${p.tenderTitle}: the outcome of your bids (${won} of ${p.lots.length} lots awarded to you)`;
  const intro = p.ended
    ? `"${p.tenderTitle}" ended without an award: ${p.ended}. Here is the outcome of each lot you bid for.`
    : `The award of "${p.tenderTitle}" is decided. Here is the outcome of each lot you bid for.`;
  return composeEmail({
    to: [p.to],
    subject,
    greeting: p.orgName,
    body: [intro, ...p.lots.flatMap((l) => lotBlocks(l, p.buyerName))],
    after: [
      `${won < p.lots.length ? 'Your assessment summary, if one was sent, has your scores and the reasons. ' : ''}Thank you for bidding.`,
    ],
    sender: `the ${p.consortiumName} consortium`,
    questions: { name: p.buyerName, email: p.buyerEmail },
  });
}
