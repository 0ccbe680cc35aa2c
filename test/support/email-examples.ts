import type { Consortium } from '../../shared/consortia/consortium';
import * as consortia from '../../shared/consortia/emails';
import type { Organisation } from '../../shared/consortia/organisation';
import type { Contract, Milestone } from '../../shared/contracts/contract';
import * as contracts from '../../shared/contracts/mail';
import type { GrantContext } from '../../shared/grants/context';
import * as grants from '../../shared/grants/mail';
import * as outcomes from '../../shared/grants/outcome-mail';
import type { Email } from '../../shared/platform/ports';
import type { Proposal } from '../../shared/pools/round';
import * as rounds from '../../shared/pools/round-mail';
import * as reporting from '../../shared/reporting/mail';
import type { Report } from '../../shared/reporting/report';
import * as assessment from '../../shared/tenders/assessment-mail';
import * as funders from '../../shared/tenders/funder-mail';
import * as outcomes_ from '../../shared/tenders/outcome-mail';
import * as providers from '../../shared/tenders/provider-mail';
import * as questions from '../../shared/tenders/question-mail';
import type { Tender } from '../../shared/tenders/tender';

/**
 * Every email builder grantloop has, each built from example inputs: the email tests render
 * them all (test/platform/emails.test.ts checks both parts; email-html.engines.test.ts runs the
 * W3C checker on every HTML part). A module that calls composeEmail must be listed here, and
 * each of its exported functions either built below or named as a helper, or the test fails.
 *
 * The inputs mix a summer and a winter date, so a time written in UTC rather than on the London
 * clock would show; titles carry characters HTML must escape.
 */

process.env.APP_URL ??= 'https://grantloop.test';

const org = (name: string, contactEmail: string) => ({ id: `org-${name.length}`, name, contactEmail }) as Organisation;
const lead = org('Wyvernshire County Council', 'grants@wyvernshire.gov.example');
const member = org('Eastbrook District Council', 'funding@eastbrook.gov.example');
const recipient = org('Wyvern Voluntary Action', 'hello@wva.example.org');
const consortium = {
  id: 'c1',
  name: 'Wyvernshire Community Partnership',
  place: 'Wyvernshire',
  leadOrgId: lead.id,
  quorumPercent: 60,
  members: [
    { orgId: lead.id, role: 'lead' },
    { orgId: member.id, role: 'member' },
  ],
} as Consortium;
const ctx = { consortium, lead, recipient, grant: { title: 'Youth hub <support> & training' } } as GrantContext;
const report = { id: 'r1', label: 'Annual report', dueDate: '2026-06-30' } as Report;
const link = (path: string) => `https://grantloop.test/${path}/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
const staff = 'https://grantloop.test/app/grants/g1';
/** 5pm on 27 October 2026 in London (BST ends on the 25th: 17:00 GMT). */
const validUntil = '2026-10-27T17:00:00.000Z';
const decided = (outcome: 'met' | 'waived' | 'not-met') => ({
  description: 'A safeguarding policy adopted by the trustees',
  decision: { outcome, reason: 'The trustees signed it on 3 May', by: 'u1', at: '2026-05-04T08:00:00.000Z' },
});
const tranche = { amount: 1_250_000, dueDate: '2026-05-15', status: 'scheduled' as const };

const round = { round: { id: 'rd1', name: 'Spring 2026' }, consortium };
const proposal = (title: string, amount: number) => ({ id: title, title, amount, durationMonths: 12 }) as Proposal;
const proposals = [proposal('Warm spaces', 2_500_000), proposal('Youth <club>', 1_200_050)];

const contract = {
  id: 'k1',
  title: 'Youth hub support',
  supplier: { name: 'Wyvern Voluntary Action', email: 'hub@wva.example.org' },
} as Contract;
const milestone = {
  id: 'M1',
  title: 'Ten reviews',
  dueDate: '2026-12-03',
  deliverable: 'Ten case reviews.',
  evidenceRequested: 'The list of reviews.',
  evidence: { text: 'Attached, see the link.', url: 'https://files.example.org/reviews.pdf' },
  decision: { status: 'partiallyMet', reason: 'Eight of ten.', by: 'u1', at: '2026-12-04T10:00:00.000Z' },
  dateMet: '2026-12-02',
} as Milestone;

const tender = {
  id: 't1',
  title: 'Infrastructure support for <small> groups',
  description: 'Support for voluntary groups across the county.',
  lots: [
    { id: 'L1', title: 'Lot 1: North', value: 45_000_000, scope: { kind: 'geography', label: 'North Wyvernshire' } },
    { id: 'L2', title: 'Lot 2: South', value: 30_000_000, scope: { kind: 'geography', label: 'South Wyvernshire' } },
  ],
  documents: [{ title: 'Specification', url: 'https://docs.example.org/spec.pdf' }],
  dates: {
    clarificationDeadline: '2026-12-04T17:00:00.000Z',
    submissionDeadline: '2026-12-11T17:00:00.000Z',
    evaluationEnd: '2027-01-15T17:00:00.000Z',
    awardDecision: '2027-01-29T17:00:00.000Z',
  },
} as Tender;
const about = { consortium, tender };
const buyer = { name: lead.name, email: lead.contactEmail };
const bidder = { orgName: 'Coldharbour CVS', email: 'bids@coldharbour.example.org' };
/** A bidder's email's addressing, as bidderMail gives it. */
const addressed = {
  to: bidder.email,
  orgName: bidder.orgName,
  tenderTitle: tender.title,
  consortiumName: consortium.name,
  buyerName: lead.name,
  buyerEmail: lead.contactEmail,
};
const lot = (successful: boolean) => ({
  lotId: 'L1',
  lotTitle: 'Lot 1: North',
  successful,
  winner: 'Coldharbour CVS',
  yourTotal: 65,
  winningTotal: 91.85,
  criteria: [
    {
      title: 'Quality',
      kind: 'quality' as const,
      weight: 60,
      yours: { score: 30, reasons: ['Note 1 <thin>'] },
      winning: { score: 55, reasons: ['Note 2'] },
    },
    {
      title: 'Price',
      kind: 'price' as const,
      weight: 40,
      yours: { score: 35, reasons: ['A price of £450,000.00'] },
      winning: { score: 36.85, reasons: [] },
    },
  ],
});

/** Per module: its builders, each with example inputs, and the exports that are not builders. */
export const mailModules: Record<string, { module: object; builders: Record<string, () => Email | Email[]>; helpers?: string[] }> = {
  'shared/reporting/mail.ts': {
    module: reporting,
    helpers: ['linkExpiry', 'reportScope'],
    builders: {
      reportRequestEmail: () => reporting.reportRequestEmail(ctx, report, link('r')),
      reminderEmail: () => reporting.reminderEmail(ctx, report, link('r'), 3),
      changesRequestedEmail: () =>
        reporting.changesRequestedEmail(ctx, report, link('r'), 'Please say how many groups were new.\nAnd which.'),
      reportLinkReplacedEmail: () => reporting.reportLinkReplacedEmail(ctx, report, link('r')),
      acceptedEmail: () => reporting.acceptedEmail(ctx, report),
      reviewRequestEmail: () => reporting.reviewRequestEmail(ctx, report, 'https://grantloop.test/app/reports/r1'),
      veryLateEmail: () => reporting.veryLateEmail(ctx, report, 'https://grantloop.test/app/reports/r1'),
    },
  },
  'shared/grants/mail.ts': {
    module: grants,
    helpers: ['fromFunders', 'providerLink'],
    builders: {
      evidenceRequestEmail: () => grants.evidenceRequestEmail(ctx, 'A safeguarding policy', link('c'), validUntil),
      evidenceReceivedEmail: () => grants.evidenceReceivedEmail(ctx, 'A safeguarding policy', staff),
      evidenceLinkReplacedEmail: () => grants.evidenceLinkReplacedEmail(ctx, 'A safeguarding policy', link('c'), validUntil),
    },
  },
  'shared/grants/outcome-mail.ts': {
    module: outcomes,
    builders: {
      conditionDecidedEmail: () => [
        outcomes.conditionDecidedEmail(ctx, decided('met'), tranche),
        outcomes.conditionDecidedEmail(ctx, decided('waived'), { ...tranche, status: 'released' }),
        outcomes.conditionDecidedEmail(ctx, decided('not-met'), tranche, { url: link('c'), validUntil }),
      ],
    },
  },
  'shared/consortia/emails.ts': {
    module: consortia,
    builders: {
      invitationEmail: () => [
        consortia.invitationEmail(consortium, lead, lead, staff),
        consortia.invitationEmail(consortium, member, lead, staff),
      ],
      leadReminderEmail: () => consortia.leadReminderEmail(consortium, lead, '2026-07-01T08:00:00.000Z', staff),
      activatedEmail: () => consortia.activatedEmail(consortium, member, lead),
      lapsedEmail: () => consortia.lapsedEmail(consortium, member),
    },
  },
  'shared/pools/round-mail.ts': {
    module: rounds,
    builders: {
      voteRequestEmail: () => rounds.voteRequestEmail(round, member, proposals, '2026-07-01T08:00:00.000Z'),
      roundEscalatedEmail: () => rounds.roundEscalatedEmail(round, lead, '2026-07-08T08:00:00.000Z'),
      roundEndedEmail: () => [rounds.roundEndedEmail(round, member, 'rejected'), rounds.roundEndedEmail(round, member, 'expired')],
      roundCommittedEmail: () => rounds.roundCommittedEmail(round, member, proposals.slice(0, 1), proposals.slice(1)),
    },
  },
  'shared/contracts/mail.ts': {
    module: contracts,
    helpers: ['evidenceLinkExpiry'],
    builders: {
      supplierAlert: () => [
        contracts.supplierAlert(contract, milestone, lead, {
          url: link('m'),
          expiresAt: '2027-02-01T23:59:00.000Z',
          today: '2026-12-01',
          requested: true,
        }),
        contracts.supplierAlert(contract, milestone, lead, { url: link('m'), expiresAt: '2027-02-01T23:59:00.000Z', today: '2026-12-05' }),
      ],
      councilAlert: () => contracts.councilAlert(contract, milestone, lead, '2026-12-05'),
      decisionEmails: () => contracts.decisionEmails(contract, milestone, lead),
      evidenceArrived: () => contracts.evidenceArrived(contract, milestone, lead),
    },
  },
  'shared/tenders/funder-mail.ts': {
    module: funders,
    builders: {
      funderEmail: () =>
        funders.funderEmail(about, member, `"${tender.title}" is published`, [
          'Its budget of £750,000.00 is reserved.',
          { facts: [['Lot 1', '£450,000.00']] },
        ]),
      signOffRequestEmail: () => funders.signOffRequestEmail(about, member, 25_000_000, '2026-11-20T17:00:00.000Z'),
      signOffEscalatedEmail: () => funders.signOffEscalatedEmail(about, lead, [member.name], '2026-11-27T17:00:00.000Z'),
      scoringRequestEmail: () => funders.scoringRequestEmail(about, { name: 'Priya Shah', email: 'priya@wyvernshire.gov.example' }, 3),
    },
  },
  'shared/tenders/provider-mail.ts': {
    module: providers,
    builders: {
      tenderInvitationEmail: () =>
        providers.tenderInvitationEmail(tender, bidder, buyer, { bid: link('b'), question: link('b').replace('AAAA', 'BBBB') }),
      bidReceiptEmail: () =>
        providers.bidReceiptEmail(
          tender,
          bidder,
          buyer,
          { submittedAt: '2026-12-10T09:30:00.000Z', revision: 2, lots: [{ lotId: 'L1', price: 44_000_000 }] },
          link('b'),
        ),
      questionReceiptEmail: () => providers.questionReceiptEmail(tender, bidder, buyer, 'May we bid <jointly>?', link('b')),
      clarificationEmail: () =>
        providers.clarificationEmail(tender, bidder, buyer, {
          question: 'May we bid jointly?',
          answer: 'Yes, with one named lead partner.',
        }),
      tenderCancelledEmail: () => providers.tenderCancelledEmail(tender, bidder, buyer, 'the funding was withdrawn'),
      awardNoticeEmail: () =>
        providers.awardNoticeEmail(tender, bidder, buyer, {
          publishedAt: '2027-02-01T10:00:00.000Z',
          workingDays: 8,
          why: 'the Procurement Act 2023 requires (section 51)',
          startsOn: '2027-02-01',
          endsOn: '2027-02-10',
        }),
    },
  },
  'shared/tenders/outcome-mail.ts': {
    module: outcomes_,
    helpers: ['lotOutcomes'],
    builders: {
      lotOutcomeEmail: () => [
        outcomes_.lotOutcomeEmail({
          ...addressed,
          lots: [
            { lotTitle: 'Lot 1: North', outcome: 'successful', yourPrice: 44_000_000 },
            { lotTitle: 'Lot 2: South <east>', outcome: 'unsuccessful', yourPrice: 39_500_000, winner: 'Eastbrook CVS' },
          ],
        }),
        outcomes_.lotOutcomeEmail({
          ...addressed,
          lots: [{ lotTitle: 'Lot 1: North', outcome: 'not-awarded', yourPrice: 44_000_000 }],
          ended: 'the award was not approved by the funders',
        }),
      ],
    },
  },
  'shared/tenders/question-mail.ts': {
    module: questions,
    helpers: ['tellLeadOfQuestion'],
    builders: {
      questionArrivedEmail: () =>
        questions.questionArrivedEmail({
          user: { name: 'Priya Shah', email: 'priya@wyvernshire.gov.example' },
          tender,
          question: 'May we bid <jointly> with another charity?',
          consortiumName: consortium.name,
          url: 'https://grantloop.test/app/tenders/t1/clarifications',
        }),
    },
  },
  'shared/tenders/assessment-mail.ts': {
    module: assessment,
    builders: {
      assessmentSummaryEmail: () =>
        assessment.assessmentSummaryEmail({
          ...addressed,
          lots: [lot(false), { ...lot(true), lotId: 'L2', lotTitle: 'Lot 2: South' }],
          next: 'The contract award notice will be published next.',
        }),
    },
  },
};

/** Every example email, named `<module> <builder> <n>`. */
export function allExampleEmails(): { name: string; email: Email }[] {
  return Object.entries(mailModules).flatMap(([path, { builders }]) =>
    Object.entries(builders).flatMap(([name, build]) => {
      const built = build();
      return (Array.isArray(built) ? built : [built]).map((email, i) => ({ name: `${path} ${name} ${i + 1}`, email }));
    }),
  );
}
