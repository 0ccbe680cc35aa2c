import type { FieldIssue } from '../platform/errors';
import { pounds, timeInWords } from '../platform/format';
import { type LinkKind, type LinkPage, linkRefused, unknownLink } from '../platform/links/registry';
import { sendOnce } from '../platform/send-once';
import { makeEvent, subject } from './events';
import { bidReceiptEmail } from './provider-mail';
import { BID_LINK, type BidScope, bidLink, type LinkPost, type LinkView, linkedInterest, providerLinkTerms } from './providers';
import { buyerOf } from './step-mail';
import type { Bid, LotBid } from './store';
import { type Tender, takesBids } from './tender';

/** The bid form behind a provider's link, as a view model. */
export interface BidForm {
  form: 'bid';
  scope: string;
  orgName: string;
  buyerName: string;
  tender: Pick<Tender, 'id' | 'title' | 'description' | 'documents' | 'dates'>;
  lots: { id: string; title: string; scope: string; value: number }[];
  questions: { id: string; title: string; weight: number }[];
  priceWeight: number;
  values: Record<string, string>;
  errors: FieldIssue[];
  revision: number;
  notice?: string;
  /** Answered questions, published to every provider without the asker; newest last. */
  clarifications: { question: string; answer: string; answeredAt: string }[];
}

/** £1,234.56, 1234.56 or 1234 → pence, exactly (no floating point). */
export function penceOf(text: string): number | undefined {
  const m = /^£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return undefined;
  return Number((m[1] as string).replaceAll(',', '')) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

const valuesOf = (bid: Bid | undefined): Record<string, string> =>
  Object.fromEntries(
    (bid?.lots ?? []).flatMap((l) => [
      [`lot.${l.lotId}.include`, 'yes'],
      [`lot.${l.lotId}.price`, (l.price / 100).toFixed(2)],
      [`lot.${l.lotId}.documents`, l.documents.map((d) => d.url).join('\n')],
      ...Object.entries(l.answers).map(([c, a]) => [`lot.${l.lotId}.${c}`, a]),
    ]),
  );

async function bidForm(deps: LinkView, scope: BidScope, override: Partial<BidForm> = {}, status = 200): Promise<LinkPage<BidForm>> {
  const linked = await linkedInterest(deps, scope);
  if (!linked) return unknownLink;
  const { tender, interest } = linked;
  if (!takesBids(tender, deps.clock.now())) return closed(tender);
  const [own, buyer, questions] = await Promise.all([
    deps.tenders.getBid(tender.id, interest.id),
    deps.consortia.getOrganisation(tender.buyerOrgId),
    deps.tenders.listQuestions(tender.id),
  ]);
  return {
    kind: 'form',
    status,
    model: {
      form: 'bid',
      scope: interest.id,
      orgName: interest.orgName,
      buyerName: buyer?.name ?? 'the buyer',
      tender: { id: tender.id, title: tender.title, description: tender.description, documents: tender.documents, dates: tender.dates },
      lots: tender.lots.map((l) => ({ id: l.id, title: l.title, scope: l.scope.label, value: l.value })),
      questions: tender.criteria.filter((c) => c.kind === 'quality').map((c) => ({ id: c.id, title: c.title, weight: c.weight })),
      priceWeight: tender.criteria.find((c) => c.kind === 'price')?.weight ?? 0,
      values: valuesOf(own),
      errors: [],
      revision: own?.revision ?? 0,
      clarifications: questions.flatMap((q) =>
        q.answer && q.answeredAt ? [{ question: q.question, answer: q.answer, answeredAt: q.answeredAt }] : [],
      ),
      ...(own ? { notice: `We have your bid, sent at ${timeInWords(own.submittedAt)}. Sending this form replaces it.` } : {}),
      ...override,
    },
  };
}

const closed = (tender: Tender): LinkPage<BidForm> => ({
  kind: 'problem',
  status: 409,
  title: 'This tender is closed for bids',
  message:
    tender.status === 'cancelled'
      ? `"${tender.title}" was cancelled. Nothing more can be sent.`
      : `The deadline for "${tender.title}" was ${timeInWords(tender.dates.submissionDeadline)}. Bids after it cannot be accepted, so nothing was sent.`,
});

/** Reads the form into lot bids, naming every problem by field. */
export function readBid(tender: Tender, form: Record<string, string>): { lots: LotBid[]; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const fail = (field: string, rule: string, message: string) => issues.push({ field, rule, message });
  const lots: LotBid[] = [];
  for (const lot of tender.lots) {
    const f = (name: string) => (form[`lot.${lot.id}.${name}`] ?? '').trim();
    if (f('include') !== 'yes') continue;
    const price = penceOf(f('price'));
    if (price === undefined || price <= 0) fail(`lot.${lot.id}.price`, 'pounds', 'give your price in pounds, like 145000 or 145,000.00');
    else if (price > lot.value)
      fail(`lot.${lot.id}.price`, 'within-lot-value', `the lot is worth ${pounds(lot.value)}; a price above it cannot be accepted`);
    const answers: Record<string, string> = {};
    for (const c of tender.criteria.filter((x) => x.kind === 'quality')) {
      const a = f(c.id);
      if (!a) fail(`lot.${lot.id}.${c.id}`, 'required', `answer "${c.title}"`);
      else if (a.length > 10_000) fail(`lot.${lot.id}.${c.id}`, 'max-length', 'keep each answer under 10,000 characters');
      answers[c.id] = a;
    }
    const urls = f('documents').split(/\s+/).filter(Boolean);
    urls.forEach((u) => {
      if (!/^https:\/\/\S+$/.test(u)) fail(`lot.${lot.id}.documents`, 'https-url', `"${u}" is not a link starting with https://`);
    });
    lots.push({ lotId: lot.id, answers, price: price ?? 0, documents: urls.map((url, i) => ({ title: `Document ${i + 1}`, url })) });
  }
  if (!lots.length && !issues.length) fail('lots', 'at-least-one', 'tick at least one lot to bid for');
  return { lots, issues };
}

const postBid: NonNullable<LinkKind<BidScope, LinkView, LinkPost, BidForm>['post']> = async (deps, opened, form) => {
  const { scope, hash } = opened;
  const linked = await linkedInterest(deps, scope);
  if (!linked) return unknownLink;
  const { tender, interest } = linked;
  const now = deps.clock.now();
  if (!takesBids(tender, now)) {
    if (tender.status !== 'cancelled' && (await deps.platform.claimOnce(`late-bid#${tender.id}#${interest.id}`, now, 400)))
      await deps.platform.appendEvent(
        makeEvent('bid.late-refused', subject.bid(tender.id, interest.id), `provider:${interest.id}`, { tenderId: tender.id }, now),
      );
    return closed(tender);
  }
  const { lots, issues } = readBid(tender, form);
  if (issues.length) return bidForm(deps, scope, { values: form, errors: issues }, 422);
  const previous = await deps.tenders.getBid(tender.id, interest.id);
  const bid: Bid = {
    tenderId: tender.id,
    interestId: interest.id,
    lots,
    submittedAt: now.toISOString(),
    revision: (previous?.revision ?? 0) + 1,
  };
  const ok = await deps.tenders.submitBid(
    bid,
    hash,
    now.toISOString(),
    makeEvent('bid.submitted', subject.bid(tender.id, interest.id), `provider:${interest.id}`, { tenderId: tender.id }, now),
  );
  if (!ok) {
    const fresh = await deps.tenders.getTender(tender.id);
    return fresh && !takesBids(fresh, deps.clock.now()) ? closed(fresh) : linkRefused;
  }
  const buyer = await buyerOf(deps, tender);
  await sendOnce(deps, `${tender.id}#receipt#${interest.id}#${bid.revision}`, async () =>
    bidReceiptEmail(tender, interest, buyer, bid, await bidLink(deps, tender, interest.id)),
  );
  return {
    kind: 'done',
    title: 'Thank you: your bid has been received',
    message: `We have emailed a receipt to ${interest.email}, with a new link in case you want to replace your bid before the deadline.`,
  };
};

/** A provider's bid, sent through its emailed link; each POST uses the link up and the receipt brings a fresh one. */
export const bidLinkKind: LinkKind<BidScope, LinkView, LinkPost, BidForm> = {
  ...BID_LINK,
  ...providerLinkTerms,
  view: (deps, opened) => bidForm(deps, opened.scope),
  post: postBid,
};
