import * as z from 'zod/mini';
import { recordsOf } from '../platform/codec';
import { lazy } from '../platform/lazy';
import { restrictionSchema } from '../pools/codecs';
import { keys } from './keys';
import { authorityTypes, regimes } from './regime';
import type { Bid, Interest, Question } from './store';
import { procedures, type Tender, tenderStatuses } from './tender';

/** The tenders feature's records: the only place their stored shapes are spelled (docs/ARCHITECTURE.md, "Record kinds"). */
const record = /* @__PURE__ */ recordsOf('tenders');

/**
 * The shapes the records share, built with the first record schema that needs them rather than
 * when the module loads (issue 27: every tenders function's bundle holds these).
 */
const shapes = lazy(() => {
  const at = z.string();
  const document = z.object({ title: z.string(), url: z.string() });

  /** What the lead drafts (TenderInput). */
  const input = {
    title: z.string(),
    description: z.string(),
    documents: z.array(document),
    lots: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        value: z.number(),
        scope: z.object({ kind: z.enum(['geography', 'function']), label: z.string() }),
      }),
    ),
    procedure: z.enum(procedures),
    lightTouch: z.boolean(),
    authorityType: z.enum(authorityTypes),
    advertised: z.boolean(),
    voluntaryStandstillDays: z.optional(z.number()),
    criteria: z.array(z.object({ id: z.string(), title: z.string(), kind: z.enum(['quality', 'price']), weight: z.number() })),
    dates: z.object({ clarificationDeadline: at, submissionDeadline: at, evaluationEnd: at, awardDecision: at }),
    funders: z.array(z.object({ orgId: z.string(), amount: z.number() })),
    purpose: z.optional(z.string()),
    panel: z.array(z.string()),
    contractMonths: z.optional(z.number()),
  };

  return { at, document, input };
});

/** What happens after it is drafted (TenderProcess), with the ranking of each lot's bids. */
const processShape = lazy(() => {
  const { at } = shapes();
  const rankedBid = z.object({
    bidId: z.string(),
    rank: z.number(),
    total: z.number(),
    quality: z.number(),
    perCriterion: z.record(z.string(), z.object({ score: z.number(), scorers: z.number(), moderated: z.boolean() })),
    tieBrokenBy: z.optional(z.enum(['quality', 'price', 'earlier-submission'])),
  });

  /** What happens after it is drafted (TenderProcess): kept on the tender item, under its one version. */
  const process = {
    attempt: z.number(),
    signOffs: z.array(
      z.object({ orgId: z.string(), decision: z.enum(['approve', 'refuse']), reason: z.optional(z.string()), by: z.string(), at }),
    ),
    returnedToDraft: z.optional(z.object({ reason: z.string(), at })),
    signOffEscalation: z.optional(
      z.object({ at, decision: z.optional(z.enum(['proceed', 'return-to-draft'])), by: z.optional(z.string()), decidedAt: z.optional(at) }),
    ),
    reserved: z.array(z.object({ bucket: z.string(), funderOrgId: z.string(), restriction: restrictionSchema(), amount: z.number() })),
    publishedAt: z.optional(at),
    conflicts: z.array(z.object({ scorerId: z.string(), bidId: z.string() })),
    scores: z.array(
      z.object({ scorerId: z.string(), bidId: z.string(), criterionId: z.string(), score: z.number(), reason: z.optional(z.string()) }),
    ),
    moderations: z.array(z.object({ bidId: z.string(), criterionId: z.string(), score: z.number(), reason: z.string() })),
    outcomes: z.array(
      z.object({
        lotId: z.string(),
        status: z.enum(['open', 'no-bids', 'recommended', 'awarded', 'failed']),
        ranking: z.optional(z.array(rankedBid)),
        winner: z.optional(z.object({ interestId: z.string(), orgName: z.string(), price: z.number(), total: z.number() })),
        grantId: z.optional(z.string()),
        awardedAt: z.optional(at),
        reason: z.optional(z.string()),
      }),
    ),
    awardVotes: z.array(z.object({ orgId: z.string(), decision: z.enum(['approve', 'reject']), by: z.string(), at })),
    awardApprovedAt: z.optional(at),
    standstill: z.optional(
      z.object({ kind: z.enum(['mandatory', 'voluntary']), workingDays: z.number(), startsOn: z.string(), endsOn: z.string(), endsAt: at }),
    ),
    assessmentSummaries: z.optional(z.object({ sentAt: at, lotIds: z.array(z.string()), bidders: z.number() })),
    challenges: z.array(
      z.object({
        id: z.string(),
        lotId: z.string(),
        grounds: z.string(),
        receivedAt: at,
        recordedBy: z.string(),
        status: z.enum(['open', 'dismissed', 'upheld']),
        resolution: z.optional(z.string()),
        resolvedAt: z.optional(at),
      }),
    ),
    notices: z.array(z.object({ type: z.enum(['UK4', 'UK6', 'UK7']), publishedAt: at, lotIds: z.array(z.string()) })),
    cancellation: z.optional(z.object({ reason: z.string(), at, by: z.string() })),
    closedAt: z.optional(at),
  };
  return process;
});

/** The whole tender (its process included), replaced under its version. */
export const tenderRecord = /* @__PURE__ */ record<Tender>()('tender', ['TENDER#', 'TENDER'], {
  schema: () => {
    const { at, input } = shapes();
    const process = processShape();
    return z.object({
      ...input,
      ...process,
      id: z.string(),
      consortiumId: z.string(),
      poolId: z.string(),
      buyerOrgId: z.string(),
      regime: z.object({
        regime: z.enum(regimes),
        authorityType: z.enum(authorityTypes),
        estimatedValue: z.number(),
        threshold: z.number(),
        thresholdsFrom: z.string(),
        notifiable: z.boolean(),
      }),
      status: z.enum(tenderStatuses),
      createdAt: at,
      createdBy: z.string(),
      version: z.number(),
    });
  },
  keys: (t) => ({ ...keys.tender(t.id), ...keys.tenderIndex(t.consortiumId, t.id) }),
});

export const interestRecord = /* @__PURE__ */ record<Interest>()('interest', ['TENDER#', 'INTEREST#'], {
  schema: () => {
    const { at } = shapes();
    return z.object({
      id: z.string(),
      tenderId: z.string(),
      orgName: z.string(),
      email: z.string(),
      identifier: z.optional(z.string()),
      registeredAt: at,
      invited: z.boolean(),
    });
  },
  keys: (i) => keys.interest(i.tenderId, i.id),
});

export const questionRecord = /* @__PURE__ */ record<Question>()('question', ['TENDER#', 'QUESTION#'], {
  schema: () => {
    const { at } = shapes();
    return z.object({
      id: z.string(),
      tenderId: z.string(),
      interestId: z.string(),
      question: z.string(),
      askedAt: at,
      answer: z.optional(z.string()),
      answeredAt: z.optional(at),
      answeredBy: z.optional(z.string()),
    });
  },
  keys: (q) => keys.question(q.tenderId, q.id),
});

export const bidRecord = /* @__PURE__ */ record<Bid>()('bid', ['TENDER#', 'BID#'], {
  schema: () => {
    const { document, at } = shapes();
    return z.object({
      tenderId: z.string(),
      interestId: z.string(),
      lots: z.array(
        z.object({ lotId: z.string(), answers: z.record(z.string(), z.string()), price: z.number(), documents: z.array(document) }),
      ),
      submittedAt: at,
      revision: z.number(),
    });
  },
  keys: (b) => keys.bid(b.tenderId, b.interestId),
});

/** Every record kind tenders owns (the ownership test reads their prefixes). */
export const records = [tenderRecord, interestRecord, questionRecord, bidRecord];
