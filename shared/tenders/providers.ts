import { actingOrg } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import { parseOrgIdentifier } from '../consortia/org-identifier';
import { conflict, invalid, notFound } from '../platform/errors';
import { newId } from '../platform/ids';
import { issueLink } from '../platform/links/registry';
import { sendOnce } from '../platform/send-once';
import { makeEvent, subject } from './events';
import { clarificationEmail, tenderInvitationEmail } from './provider-mail';
import { buyerOf } from './step-mail';
import type { Interest, Question, TendersDeps } from './store';
import type { Tender } from './tender';
import { loadTender, readableTender } from './tenders';

type Deps = Pick<TendersDeps, 'platform' | 'consortia' | 'tenders' | 'clock' | 'mailer'>;

export const BID_LINK = { kind: 'bid', path: '/b' } as const;
export const QUESTION_LINK = { kind: 'tender-question', path: '/b' } as const;
export type BidScope = { kind: 'bid'; tenderId: string; interestId: string };
export type QuestionScope = { kind: 'tender-question'; tenderId: string; interestId: string };

/** Bid links work past the deadline so a late bid is told why it is refused, and counted. */
const LATE_GRACE_DAYS = 30;
const plusDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86400_000).toISOString();

export const bidLink = (deps: Deps, tender: Tender, interestId: string) =>
  issueLink(deps, BID_LINK, { kind: 'bid', tenderId: tender.id, interestId }, plusDays(tender.dates.submissionDeadline, LATE_GRACE_DAYS));
export const questionLink = (deps: Deps, tender: Tender, interestId: string) =>
  issueLink(
    deps,
    QUESTION_LINK,
    { kind: 'tender-question', tenderId: tender.id, interestId },
    plusDays(tender.dates.clarificationDeadline, 1),
  );

/** Whom a provider asks when a link no longer works: the buying organisation. */
export async function buyerContact(deps: Pick<TendersDeps, 'tenders' | 'consortia'>, tenderId: string) {
  const tender = await deps.tenders.getTender(tenderId);
  const buyer = tender ? await deps.consortia.getOrganisation(tender.buyerOrgId) : undefined;
  return buyer ? { name: buyer.name, email: buyer.contactEmail } : undefined;
}

/** What a provider's link pages read, and what posting one also needs. */
export type LinkView = Pick<TendersDeps, 'platform' | 'consortia' | 'tenders' | 'clock'>;
export type LinkPost = LinkView & Pick<TendersDeps, 'mailer'>;

/** What the provider's two links share: each POST uses the link up, the form carries the interest, the buyer is the contact. */
export const providerLinkTerms = {
  policy: 'single-use',
  scopeId: (scope: { interestId: string }) => scope.interestId,
  contact: (deps: LinkView, scope: { tenderId: string }) => buyerContact(deps, scope.tenderId),
} as const;

/** The tender and the provider's interest a link names; undefined when either is gone (the link is then unknown). */
export async function linkedInterest(deps: Pick<TendersDeps, 'tenders'>, scope: { tenderId: string; interestId: string }) {
  const [tender, interest] = await Promise.all([
    deps.tenders.getTender(scope.tenderId),
    deps.tenders.getInterest(scope.tenderId, scope.interestId),
  ]);
  return tender && interest ? { tender, interest } : undefined;
}

/** The provider's links: one to bid (and to replace its bid until the deadline), one to ask a question. */
async function sendLinks(deps: Deps, tender: Tender, interest: Interest) {
  const buyer = await buyerOf(deps, tender);
  return sendOnce(deps, `${tender.id}#interest#${interest.id}`, async () =>
    tenderInvitationEmail(tender, interest, buyer, {
      bid: await bidLink(deps, tender, interest.id),
      question: await questionLink(deps, tender, interest.id),
    }),
  );
}

function checkTakesInterest(tender: Tender, now: Date) {
  if (tender.status !== 'published' || now.toISOString() >= tender.dates.submissionDeadline)
    throw conflict(`tender "${tender.title}" is not open for bids`, { rule: 'tender-open' });
}

/**
 * Records a provider's interest (once per email address): the interest and its event in one
 * write. Its links are sent by whoever called (registering) or by the function that follows the
 * event (sendInterestLinks), so a page that invites needs no mail client.
 */
async function recordInterest(
  deps: Pick<TendersDeps, 'consortia' | 'tenders' | 'clock'>,
  tenderId: string,
  input: { orgName: string; email: string; identifier?: string | undefined },
  invitedBy?: string,
) {
  const { tender } = await loadTender(deps, tenderId);
  // A draft is not public: it is as unknown as a made-up id. Nor is a tender run by invitation (not advertised).
  if (['draft', 'sign-off'].includes(tender.status) || (!invitedBy && tender.advertised === false)) throw notFound('tender', tenderId);
  const now = deps.clock.now();
  checkTakesInterest(tender, now);
  const email = input.email.trim().toLowerCase();
  if (!input.orgName.trim()) throw invalid('orgName', 'required', 'give your organisation’s name');
  const identifier = input.identifier?.trim() ? parseOrgIdentifier(input.identifier, 'identifier').value : undefined;
  const existing = (await deps.tenders.listInterests(tenderId)).find((i) => i.email === email);
  const interest: Interest = existing ?? {
    id: newId(now),
    tenderId,
    orgName: input.orgName.trim(),
    email,
    ...(identifier ? { identifier } : {}),
    registeredAt: now.toISOString(),
    invited: Boolean(invitedBy),
  };
  if (!existing)
    await deps.tenders.addInterest(
      interest,
      makeEvent(
        'tender.interest-registered',
        subject.tender(tenderId),
        invitedBy ?? `provider:${interest.id}`,
        { tenderId, interestId: interest.id, invited: interest.invited },
        now,
      ),
    );
  return { tender, interest, email, alreadyRegistered: Boolean(existing) };
}

/** A provider registers interest with no account: it gets its links by email, at once. */
export async function registerInterest(
  deps: Deps,
  tenderId: string,
  input: { orgName: string; email: string; identifier?: string | undefined },
) {
  const { tender, interest, email } = await recordInterest(deps, tenderId, input);
  await sendLinks(deps, tender, interest);
  return { tenderId, registered: true, email };
}

/**
 * The lead invites a provider it knows: recorded as if it had registered, and sent the same
 * links by the function that follows the event (sendInterestLinks). A provider already
 * registered is not written again, nor sent its links twice.
 */
export async function inviteProvider(
  deps: Pick<TendersDeps, 'consortia' | 'tenders' | 'clock'>,
  caller: Caller,
  tenderId: string,
  input: { orgName: string; email: string; identifier?: string | undefined },
) {
  const { tender, consortium } = await readableTender(deps, caller, tenderId);
  actingOrg(caller, consortium, ['lead'], 'officer', { what: 'tender', id: tenderId });
  // To its own staff a draft exists: say why nobody can be invited yet (registering says not-found to the public).
  if (tender.status === 'draft' || tender.status === 'sign-off')
    throw conflict(`tender "${tender.title}" is ${tender.status}: providers can be invited once it is published`, { rule: 'tender-open' });
  const { email, alreadyRegistered, interest } = await recordInterest(deps, tenderId, input, caller.user.id);
  return { tenderId, registered: true, email, orgName: interest.orgName, alreadyRegistered };
}

/** On tender.interest-registered: the provider's links, once (a provider who registered was sent them already). */
export async function sendInterestLinks(deps: Deps, input: { tenderId: string; interestId: string }) {
  const { tender } = await loadTender(deps, input.tenderId);
  const interest = await deps.tenders.getInterest(input.tenderId, input.interestId);
  // Closed since (cancelled, or past its deadline): a link now would only be refused.
  if (!interest || tender.status !== 'published' || deps.clock.now().toISOString() >= tender.dates.submissionDeadline)
    return { sent: false };
  return { sent: await sendLinks(deps, tender, interest) };
}

/**
 * The lead answers a question, once. The answer and its event are one write; telling every
 * provider follows from the event (tellProvidersOfAnswer), so the page that answers needs no mail
 * client and a mail outage never loses an answer.
 */
export async function answerQuestion(
  deps: Pick<TendersDeps, 'consortia' | 'tenders' | 'clock'>,
  caller: Caller,
  tenderId: string,
  questionId: string,
  input: { answer: string },
) {
  const { consortium } = await readableTender(deps, caller, tenderId);
  actingOrg(caller, consortium, ['lead'], 'officer', { what: 'tender', id: tenderId });
  if (!input.answer.trim()) throw invalid('answer', 'required', 'write the answer');
  const question = (await deps.tenders.listQuestions(tenderId)).find((q) => q.id === questionId);
  if (!question) throw notFound('question', questionId);
  if (question.answer) throw conflict('this question has already been answered', { rule: 'answered-once' });
  const now = deps.clock.now();
  const answered = { ...question, answer: input.answer.trim(), answeredAt: now.toISOString(), answeredBy: caller.user.id };
  await deps.tenders.answerQuestion(
    answered,
    makeEvent('tender.question-answered', subject.tender(tenderId), caller.user.id, { tenderId, questionId }, now),
  );
  return { questionId, answered: true };
}

/** On tender.question-answered: the answer goes to every registered provider; nobody learns who asked. */
export async function tellProvidersOfAnswer(deps: Deps, input: { tenderId: string; questionId: string }) {
  const { tender } = await loadTender(deps, input.tenderId);
  const question = (await deps.tenders.listQuestions(input.tenderId)).find((q) => q.id === input.questionId);
  if (!question?.answer) return { providersTold: 0 };
  const buyer = await buyerOf(deps, tender);
  const answered = { question: question.question, answer: question.answer };
  let sent = 0;
  for (const interest of await deps.tenders.listInterests(input.tenderId)) {
    const email = clarificationEmail(tender, interest, buyer, answered);
    const ok = await sendOnce(deps, `${input.tenderId}#answer#${input.questionId}#${interest.id}`, email);
    if (ok) sent++;
  }
  return { providersTold: sent };
}

/** Questions as staff see them: the asker is never named. */
export async function listQuestions(deps: Pick<TendersDeps, 'consortia' | 'tenders'>, caller: Caller, tenderId: string) {
  await readableTender(deps, caller, tenderId);
  return withoutAskers(await deps.tenders.listQuestions(tenderId));
}

export const withoutAskers = (questions: Question[]) => questions.map(({ interestId: _asker, ...q }) => q);
