/**
 * What the tenders routes answer: a zod schema of each view model the use cases return. The API
 * contract states these (`api.ts`) and each handler checks its body against the same schema's
 * type (`satisfies View<typeof …>`), so the document and the answer cannot drift apart.
 */
import { dutyIds } from '../../shared/tenders/duties';
import { authorityTypes, regimes } from '../../shared/tenders/regime';
import { procedures, tenderStatuses } from '../../shared/tenders/tender';
import { isoDate, isoTime, wholePence } from '../lib/api';
import * as z from '../lib/zod';
import { restriction } from '../pools/views';

const status = z.enum(tenderStatuses);
const approveOrReject = z.enum(['approve', 'reject']);
const tally = {
  approveWeight: z.number(),
  rejectWeight: z.number(),
  totalWeight: z.number(),
  quorumPercent: z.number(),
  outcome: z.enum(['approved', 'rejected', 'pending']),
};

const signOffRecord = z.strictObject({
  orgId: z.string(),
  decision: z.enum(['approve', 'refuse']),
  reason: z.optional(z.string()),
  by: z.string(),
  at: isoTime,
});

const rankedBid = z.strictObject({
  bidId: z.string(),
  rank: z.int(),
  total: z.number(),
  quality: z.number(),
  perCriterion: z.record(z.string(), z.strictObject({ score: z.number(), scorers: z.int(), moderated: z.boolean() })),
  tieBrokenBy: z.optional(z.enum(['quality', 'price', 'earlier-submission'])),
});
const lotStatus = z.enum(['open', 'no-bids', 'recommended', 'awarded', 'failed']);
const winner = { interestId: z.string(), orgName: z.string(), price: wholePence };
const outcomeFields = {
  lotId: z.string(),
  status: lotStatus,
  grantId: z.optional(z.string()),
  awardedAt: z.optional(isoTime),
  reason: z.optional(z.string()),
};

const conflict = z.strictObject({ scorerId: z.string(), bidId: z.string() });
const moderation = z.strictObject({ bidId: z.string(), criterionId: z.string(), score: z.number(), reason: z.string() });

/** What was drafted: the same in the record and in the staff view. */
const drafted = {
  title: z.string(),
  description: z.string(),
  documents: z.array(z.strictObject({ title: z.string(), url: z.string() })),
  lots: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      value: wholePence,
      scope: z.strictObject({ kind: z.enum(['geography', 'function']), label: z.string() }),
    }),
  ),
  procedure: z.enum(procedures),
  lightTouch: z.boolean(),
  authorityType: z.enum(authorityTypes),
  advertised: z.boolean(),
  voluntaryStandstillDays: z.optional(z.int()),
  criteria: z.array(z.strictObject({ id: z.string(), title: z.string(), kind: z.enum(['quality', 'price']), weight: z.number() })),
  dates: z.strictObject({ clarificationDeadline: isoTime, submissionDeadline: isoTime, evaluationEnd: isoTime, awardDecision: isoTime }),
  funders: z.array(z.strictObject({ orgId: z.string(), amount: wholePence })),
  purpose: z.optional(z.string()),
  panel: z.array(z.string()),
  contractMonths: z.optional(z.int()),
  id: z.string(),
  consortiumId: z.string(),
  poolId: z.string(),
  buyerOrgId: z.string(),
  regime: z.strictObject({
    regime: z.enum(regimes),
    authorityType: z.enum(authorityTypes),
    estimatedValue: wholePence,
    threshold: wholePence,
    thresholdsFrom: isoDate,
    notifiable: z.boolean(),
  }),
  status,
  createdAt: isoTime,
  createdBy: z.string(),
  version: z.int(),
};

/** Where the tender is in its process, as the record keeps it. */
const process = {
  attempt: z.int(),
  signOffs: z.array(signOffRecord),
  returnedToDraft: z.optional(z.strictObject({ reason: z.string(), at: isoTime })),
  signOffEscalation: z.optional(
    z.strictObject({
      at: isoTime,
      decision: z.optional(z.enum(['proceed', 'return-to-draft'])),
      by: z.optional(z.string()),
      decidedAt: z.optional(isoTime),
    }),
  ),
  reserved: z.array(z.strictObject({ bucket: z.string(), funderOrgId: z.string(), restriction, amount: wholePence })),
  publishedAt: z.optional(isoTime),
  conflicts: z.array(conflict),
  moderations: z.array(moderation),
  awardVotes: z.array(z.strictObject({ orgId: z.string(), decision: approveOrReject, by: z.string(), at: isoTime })),
  awardApprovedAt: z.optional(isoTime),
  standstill: z.optional(
    z.strictObject({
      kind: z.enum(['mandatory', 'voluntary']),
      workingDays: z.int(),
      startsOn: isoDate,
      endsOn: isoDate,
      endsAt: isoTime,
    }),
  ),
  assessmentSummaries: z.optional(z.strictObject({ sentAt: isoTime, lotIds: z.array(z.string()), bidders: z.int() })),
  challenges: z.array(
    z.strictObject({
      id: z.string(),
      lotId: z.string(),
      grounds: z.string(),
      receivedAt: isoTime,
      recordedBy: z.string(),
      status: z.enum(['open', 'dismissed', 'upheld']),
      resolution: z.optional(z.string()),
      resolvedAt: z.optional(isoTime),
    }),
  ),
  notices: z.array(z.strictObject({ type: z.enum(['UK4', 'UK6', 'UK7']), publishedAt: isoTime, lotIds: z.array(z.string()) })),
  cancellation: z.optional(z.strictObject({ reason: z.string(), at: isoTime, by: z.string() })),
  closedAt: z.optional(isoTime),
};

/** The tender record, as the routes that change it answer (scores and rankings included: only staff see these). */
export const tender = z.strictObject({
  ...drafted,
  ...process,
  scores: z.array(
    z.strictObject({ scorerId: z.string(), bidId: z.string(), criterionId: z.string(), score: z.number(), reason: z.optional(z.string()) }),
  ),
  outcomes: z.array(
    z.strictObject({
      ...outcomeFields,
      ranking: z.optional(z.array(rankedBid)),
      winner: z.optional(z.strictObject({ ...winner, total: z.number() })),
    }),
  ),
});

export const tenders = z.array(tender);

/** A tender as its funders see it: no scores, and a winner's total only to those who read the evaluation. */
export const tenderView = z.strictObject({
  ...drafted,
  ...process,
  outcomes: z.array(
    z.strictObject({
      ...outcomeFields,
      ranking: z.optional(z.array(rankedBid)),
      winner: z.optional(z.strictObject({ ...winner, total: z.optional(z.number()) })),
    }),
  ),
  consortiumName: z.string(),
  budget: wholePence,
  duties: z.array(
    z.strictObject({
      id: z.enum(dutyIds),
      title: z.string(),
      required: z.enum(['yes', 'no', 'voluntary']),
      when: z.string(),
      section: z.string(),
      status: z.enum(['done', 'due', 'not-required', 'after-award']),
      doneAt: z.optional(isoTime),
      dueBy: z.optional(z.string()),
    }),
  ),
  signOff: z.strictObject({
    pending: z.array(z.string()),
    refused: z.array(signOffRecord),
    outcome: z.enum(['approved', 'pending', 'refused']),
  }),
  questions: z.strictObject({ asked: z.int(), answered: z.int() }),
  bids: z.union([
    z.strictObject({ sealed: z.literal(false), received: z.int(), byLot: z.record(z.string(), z.int()) }),
    z.strictObject({ sealed: z.literal(true), opensAt: isoTime }),
  ]),
  scoresRecorded: z.int(),
  awardTally: z.optional(z.strictObject(tally)),
});

export const signOffTally = z.strictObject({
  tenderId: z.string(),
  pending: z.array(z.string()),
  refused: z.array(signOffRecord),
  outcome: z.enum(['approved', 'pending', 'refused']),
});
export const leadSignOff = z.strictObject({ tenderId: z.string(), decision: z.enum(['proceed', 'return-to-draft']) });
export const invited = z.strictObject({
  tenderId: z.string(),
  registered: z.boolean(),
  email: z.string(),
  orgName: z.string(),
  alreadyRegistered: z.boolean(),
});
export const interest = z.strictObject({ tenderId: z.string(), registered: z.boolean(), email: z.string() });

/** The clarification questions, without who asked. */
export const questions = z.array(
  z.strictObject({
    id: z.string(),
    tenderId: z.string(),
    question: z.string(),
    askedAt: isoTime,
    answer: z.optional(z.string()),
    answeredAt: z.optional(isoTime),
    answeredBy: z.optional(z.string()),
  }),
);
export const answered = z.strictObject({ questionId: z.string(), answered: z.boolean() });

export const evaluation = z.strictObject({
  tenderId: z.string(),
  lots: z.array(z.strictObject({ lotId: z.string(), ranking: z.array(rankedBid) })),
});
export const evaluationCompleted = z.strictObject({
  tenderId: z.string(),
  status,
  outcomes: z.array(z.strictObject({ ...outcomeFields, winner: z.optional(z.strictObject({ ...winner, total: z.number() })) })),
});
export const awardVote = z.strictObject({ tenderId: z.string(), ...tally });
export const challengeResolved = z.strictObject({
  tenderId: z.string(),
  challengeId: z.string(),
  lotId: z.string(),
  outcome: z.enum(['dismissed', 'upheld']),
});
export const cancelled = z.strictObject({ tenderId: z.string(), status, released: z.boolean(), workflowStopped: z.boolean() });

/**
 * An OCDS 1.1 release: the fields every one of ours has; the rest are the standard's (the
 * tests check each release against the OCDS release schema), so the object is open.
 */
export const ocdsRelease = z.looseObject({
  ocid: z.string(),
  id: z.string(),
  date: isoTime,
  tag: z.array(z.string()),
  initiationType: z.string(),
});
const packageFields = {
  uri: z.string(),
  version: z.string(),
  publishedDate: isoTime,
  publisher: z.strictObject({ name: z.string() }),
  extensions: z.array(z.string()),
};
export const ocdsPackage = z.union([
  z.strictObject({ ...packageFields, releases: z.array(ocdsRelease) }),
  z.strictObject({
    ...packageFields,
    records: z.array(z.strictObject({ ocid: z.optional(z.string()), releases: z.array(ocdsRelease), compiledRelease: ocdsRelease })),
  }),
]);
