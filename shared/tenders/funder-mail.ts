import type { Organisation } from '../consortia/organisation';
import { type Block, composeEmail } from '../platform/email/message';
import { plural, pounds, timeInWords } from '../platform/format';
import { staffPageUrl, staffPaths } from '../platform/pages';
import type { Email } from '../platform/ports';
import type { Tender } from './tender';

/** The emails the consortium's own people get about a tender: each links to the tender page. */

interface About {
  consortium: { name: string };
  tender: Pick<Tender, 'id' | 'title'>;
}

type Org = Pick<Organisation, 'name' | 'contactEmail'>;

const tenderPage = (a: About) => staffPageUrl(staffPaths.tender(a.tender.id));
const from = (a: About) => ({ sender: `the ${a.consortium.name} consortium` });

/** A step of the tender, told to each funder (published, award vote, completed, ended, cancelled), linking to the sub-page where it is seen. */
export function funderEmail(
  a: About,
  org: Pick<Organisation, 'contactEmail'>,
  subjectLine: string,
  body: Block[],
  path = staffPaths.tender(a.tender.id),
): Email {
  return composeEmail({
    to: [org.contactEmail],
    subject: `${a.consortium.name}: ${subjectLine}`,
    body,
    action: { label: 'See the tender', url: staffPageUrl(path) },
    ...from(a),
  });
}

/** Each funder is asked to approve the specification and its contribution. */
export function signOffRequestEmail(a: About & { tender: Pick<Tender, 'lots'> }, org: Org, amount: number, deadline: string): Email {
  return composeEmail({
    to: [org.contactEmail],
    subject: `${a.consortium.name}: please sign off the tender "${a.tender.title}"`,
    body: [
      `${a.consortium.name} plans to tender "${a.tender.title}" (${plural(a.tender.lots.length, 'lot')}). ` +
        `${org.name} is asked to approve the specification and its contribution of ${pounds(amount)}, which will be reserved in the pool when the tender is published, by ${timeInWords(deadline)}.`,
      { facts: a.tender.lots.map((l): [string, string] => [l.title, pounds(l.value)]), caption: 'The lots and their values' },
      'Approve or refuse (with a reason) in grantloop.',
    ],
    action: { label: 'Sign off the tender', url: tenderPage(a) },
    after: ['A refusal sends the tender back to the lead to change.'],
    ...from(a),
  });
}

/** Sign-off timed out: the lead decides for the funders who did not answer. */
export function signOffEscalatedEmail(a: About, lead: Org, pending: string[], deadline: string): Email {
  return composeEmail({
    to: [lead.contactEmail],
    subject: `${a.consortium.name}: "${a.tender.title}" needs the lead's decision`,
    body: [
      `The sign-off deadline passed without an answer from ${pending.join(', ')}. ` +
        `As lead, ${lead.name} decides by ${timeInWords(deadline)} whether to proceed with the contributions as drafted or to send the tender back to draft.`,
    ],
    action: { label: 'Decide on the tender', url: tenderPage(a) },
    after: ['Without a decision the tender goes back to draft.'],
    ...from(a),
  });
}

/** The deadline passed: each panel member is asked to score. */
export function scoringRequestEmail(
  a: About & { tender: Pick<Tender, 'dates'> },
  user: { name: string; email: string },
  bids: number,
): Email {
  return composeEmail({
    to: [user.email],
    subject: `"${a.tender.title}": ${bids} bid${bids === 1 ? '' : 's'} to score`,
    greeting: user.name,
    body: [
      `The deadline for "${a.tender.title}" has passed and the bids are open. ` +
        `As a member of the evaluation panel, please declare any conflict of interest in a bid and score the others independently by ${timeInWords(a.tender.dates.evaluationEnd)}.`,
    ],
    action: { label: 'Score the bids', url: staffPageUrl(staffPaths.tenderBids(a.tender.id)) },
    ...from(a),
  });
}
