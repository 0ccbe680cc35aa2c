import { DEFAULT_QUORUM_PERCENT } from '../consortia/consortium';
import type { Organisation } from '../consortia/organisation';
import { composeEmail } from '../platform/email/message';
import { pounds, timeInWords } from '../platform/format';
import { staffPageUrl, staffPaths } from '../platform/pages';
import type { Email } from '../platform/ports';
import type { Proposal } from './round';

/** What a round's emails read of the round and its consortium. */
interface RoundMail {
  round: { id: string; name: string };
  consortium: { name: string; quorumPercent?: number | undefined };
}

const from = (r: RoundMail) => ({ sender: `the ${r.consortium.name} consortium` });
const roundPage = (r: RoundMail) => staffPageUrl(staffPaths.round(r.round.id));

const proposalFacts = (proposals: Pick<Proposal, 'title' | 'amount' | 'durationMonths'>[]) =>
  proposals.map((p): [string, string] => [p.title, `${pounds(p.amount)} over ${p.durationMonths} months`]);

/** Each voting member is asked to approve or reject the round by its deadline. */
export function voteRequestEmail(
  r: RoundMail,
  org: Pick<Organisation, 'name' | 'contactEmail'>,
  proposals: Proposal[],
  deadline: string,
): Email {
  return composeEmail({
    to: [org.contactEmail],
    subject: `${r.consortium.name}: please vote on ${r.round.name}`,
    body: [
      `The ${r.round.name} round of the ${r.consortium.name} pooled fund is closed for proposals. ${org.name} is asked to approve or reject it by ${timeInWords(deadline)}.`,
      { facts: proposalFacts(proposals), caption: 'The proposals' },
    ],
    action: { label: 'Vote on the round', url: roundPage(r) },
    after: [
      `Votes count in proportion to what each funder has put into the pool; the round passes when funders holding ${r.consortium.quorumPercent ?? DEFAULT_QUORUM_PERCENT}% of that money approve.`,
    ],
    ...from(r),
  });
}

/** Voting timed out: the lead decides for the consortium. */
export function roundEscalatedEmail(r: RoundMail, lead: Pick<Organisation, 'name' | 'contactEmail'>, deadline: string): Email {
  return composeEmail({
    to: [lead.contactEmail],
    subject: `${r.consortium.name}: ${r.round.name} needs the lead's decision`,
    body: [
      `Voting on ${r.round.name} closed without enough funders deciding. As lead, ${lead.name} now decides for the consortium, by ${timeInWords(deadline)}.`,
    ],
    action: { label: 'Decide on the round', url: roundPage(r) },
    after: ['If no decision is made, the round expires and nothing is committed.'],
    ...from(r),
  });
}

/** Rejected or expired: every member hears that nothing was committed. */
export function roundEndedEmail(r: RoundMail, org: Pick<Organisation, 'contactEmail'>, outcome: 'rejected' | 'expired'): Email {
  return composeEmail({
    to: [org.contactEmail],
    subject: `${r.consortium.name}: ${r.round.name} was ${outcome}`,
    body: [
      `The ${r.round.name} round was ${outcome === 'expired' ? 'not decided in time and has expired' : 'rejected'}. Nothing was committed from the pool.`,
    ],
    ...from(r),
  });
}

/** Approved and committed: every member sees which proposals became grants and which could not be funded. */
export function roundCommittedEmail(
  r: RoundMail,
  org: Pick<Organisation, 'contactEmail'>,
  funded: Proposal[],
  notFunded: Proposal[],
): Email {
  return composeEmail({
    to: [org.contactEmail],
    subject: `${r.consortium.name}: ${r.round.name} committed`,
    body: [
      `The ${r.round.name} round was approved and ${funded.length} grant${funded.length === 1 ? ' was' : 's were'} committed from the pool:`,
      { facts: proposalFacts(funded) },
      ...(notFunded.length
        ? ['Not funded, because the pool no longer had enough eligible money:', { facts: proposalFacts(notFunded) }]
        : []),
      "Each funder's share of every grant is in its statement in grantloop.",
    ],
    action: { label: 'See the round', url: roundPage(r) },
    ...from(r),
  });
}
