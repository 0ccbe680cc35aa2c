import { deferred } from '../../shared/platform/lazy';
import { email, id, name, pence, slug, text } from '../lib/schemas';
import * as z from '../lib/zod';

const dateTime = deferred(() => z.iso.datetime({ offset: true, message: 'must be a date and time like 2027-01-15T12:00:00Z' }));
export const link = deferred(() =>
  z.strictObject({
    title: text(1, 200),
    url: z.url({ protocol: /^https$/, message: 'must be a link starting with https://' }).check(z.maxLength(2000)),
  }),
);

export const tenderLot = deferred(() =>
  z.strictObject({
    id: slug,
    title: name,
    value: pence,
    scope: z.strictObject({ kind: z.enum(['geography', 'function']), label: text(1, 200) }),
  }),
);
export const criterion = deferred(() =>
  z.strictObject({
    id: slug,
    title: name,
    kind: z.enum(['quality', 'price']),
    weight: z.int().check(z.gte(1), z.lte(100)),
  }),
);

export const newTender = deferred(() =>
  z.strictObject({
    poolId: id,
    title: name,
    description: text(1, 5000),
    documents: z._default(z.array(link).check(z.maxLength(20)), []),
    lots: z.array(tenderLot).check(z.minLength(1), z.maxLength(20)),
    procedure: z._default(z.enum(['open', 'competitive-flexible']), 'open'),
    // The regime (above threshold, light touch, below threshold) is decided from the lots' values and these (shared/tenders/regime.ts).
    lightTouch: z._default(z.boolean(), true),
    authorityType: z._default(z.enum(['sub-central', 'central']), 'sub-central'),
    advertised: z._default(z.boolean(), true),
    voluntaryStandstillDays: z.optional(z.int().check(z.gte(8), z.lte(30))),
    criteria: z.array(criterion).check(z.minLength(1), z.maxLength(20)),
    dates: z.strictObject({
      clarificationDeadline: dateTime,
      submissionDeadline: dateTime,
      evaluationEnd: dateTime,
      awardDecision: dateTime,
    }),
    funders: z.array(z.strictObject({ orgId: id, amount: pence })).check(z.minLength(1), z.maxLength(30)),
    purpose: z.optional(slug),
    panel: z._default(z.array(z.union([id, email])).check(z.maxLength(20)), []),
    contractMonths: z.optional(z.int().check(z.gte(1), z.lte(120))),
  }),
);

export const signOffBody = deferred(() =>
  z.strictObject({
    decision: z.enum(['approve', 'refuse']),
    reason: z.optional(text(0, 2000)),
    orgId: z.optional(id),
  }),
);
export const leadDecisionBody = deferred(() => z.strictObject({ decision: z.enum(['proceed', 'return-to-draft']) }));
export const providerBody = deferred(() => z.strictObject({ orgName: name, email, identifier: z.optional(text(0, 100)) }));
export const answerBody = deferred(() => z.strictObject({ answer: text(1, 10_000) }));
const bidId = deferred(() =>
  z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}\.[a-z0-9][a-z0-9-]{0,39}$/, 'must be a bid id (<interest id>.<lot id>)')),
);
export const conflictBody = deferred(() => z.strictObject({ bidId }));
/** Each quality criterion's score with the reason for it: the bidder's assessment summary quotes the reasons (s.50(3)-(4)). */
export const scoreBody = deferred(() =>
  z.strictObject({
    bidId,
    scores: z.record(slug, z.int().check(z.gte(0), z.lte(100))),
    reasons: z.record(slug, text(1, 5000)),
  }),
);
export const moderationBody = deferred(() =>
  z.strictObject({
    bidId,
    criterionId: slug,
    score: z.int().check(z.gte(0), z.lte(100)),
    reason: text(1, 2000),
  }),
);
export const awardVoteBody = deferred(() => z.strictObject({ decision: z.enum(['approve', 'reject']), orgId: z.optional(id) }));
export const challengeBody = deferred(() => z.strictObject({ lotId: slug, grounds: text(1, 5000) }));
export const resolutionBody = deferred(() => z.strictObject({ outcome: z.enum(['dismissed', 'upheld']), resolution: text(1, 5000) }));
export const cancelBody = deferred(() => z.strictObject({ reason: text(1, 2000) }));
