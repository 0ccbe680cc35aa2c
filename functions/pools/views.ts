/**
 * What the pools routes answer: a zod schema of each view model the use cases return. The API
 * contract states these (`api.ts`) and each handler checks its body against the same schema's
 * type (`satisfies View<typeof …>`), so the document and the answer cannot drift apart.
 */
import { funderTypes, organisationKinds } from '../../shared/consortia/organisation';
import { proposalOutcome } from '../../shared/pools/codecs';
import { regrantTypes } from '../../shared/pools/grant';
import { isoDate, isoTime, wholePence } from '../lib/api';
import * as z from '../lib/zod';

const lot = z.strictObject({ id: z.string(), name: z.string() });
const totals = {
  pledged: wholePence,
  received: wholePence,
  committed: wholePence,
  paid: wholePence,
  returned: wholePence,
  reserved: wholePence,
};

export const pool = z.strictObject({
  id: z.string(),
  consortiumId: z.string(),
  name: z.string(),
  purpose: z.string(),
  currency: z.literal('GBP'),
  lots: z.array(lot),
  status: z.enum(['open', 'closed']),
  createdAt: isoTime,
  createdBy: z.string(),
  ledgerSeq: z.int(),
  ...totals,
});

export const restriction = z.union([
  z.strictObject({ kind: z.literal('core') }),
  z.strictObject({ kind: z.literal('restricted'), lotId: z.string() }),
  z.strictObject({ kind: z.literal('restricted'), purpose: z.string() }),
]);
const pledgeYear = z.strictObject({ financialYear: z.string(), amount: wholePence, received: wholePence });

export const pledge = z.strictObject({
  id: z.string(),
  poolId: z.string(),
  funderOrgId: z.string(),
  restriction,
  years: z.array(pledgeYear),
  createdAt: isoTime,
});

export const contribution = z.strictObject({
  poolId: z.string(),
  pledgeId: z.string(),
  amount: wholePence,
  currency: z.literal('GBP'),
  financialYear: z.string(),
  receivedOn: isoDate,
  seq: z.int(),
});

/** What a round's proposal (or a direct allocation) asks for. */
const allocationFields = {
  recipientOrgId: z.string(),
  title: z.string(),
  description: z.optional(z.string()),
  amount: wholePence,
  lotId: z.optional(z.string()),
  purpose: z.optional(z.string()),
  durationMonths: z.int(),
  plannedStart: z.optional(isoDate),
  beneficiaryOrgIds: z.optional(z.array(z.string())),
  regrantType: z.optional(z.enum(regrantTypes)),
};

export const fundingShare = {
  bucket: z.string(),
  funderOrgId: z.string(),
  restriction,
  amount: wholePence,
  paid: wholePence,
  returned: wholePence,
};

/** A grant record's fields but its status (grants moves it on from `awarded`). */
export const grantFields = {
  ...allocationFields,
  id: z.string(),
  poolId: z.string(),
  consortiumId: z.string(),
  currency: z.literal('GBP'),
  fundingType: z.enum(['core', 'restricted']),
  plannedStart: isoDate,
  plannedEnd: isoDate,
  awardedAt: isoTime,
  awardedBy: z.string(),
  roundId: z.optional(z.string()),
  tenderId: z.optional(z.string()),
  tenderLotId: z.optional(z.string()),
  beneficiaryOrgIds: z.array(z.string()),
};

/** A grant as awarded from the pool, with each funder's share. */
export const awardedGrant = z.strictObject({
  ...grantFields,
  status: z.literal('awarded'),
  funders: z.array(z.strictObject(fundingShare)),
});

export const moneyMoved = z.strictObject({
  grantId: z.string(),
  kind: z.enum(['payment', 'return']),
  amount: wholePence,
  currency: z.literal('GBP'),
  byFunder: z.record(z.string(), wholePence),
});

const member = {
  orgId: z.string(),
  name: z.optional(z.string()),
  kind: z.optional(z.enum(organisationKinds)),
  funderType: z.optional(z.enum(funderTypes)),
  consortiumRole: z.nullable(z.enum(['lead', 'member', 'observer'])),
};
const benefit = z.strictObject({ grants: z.int(), value: wholePence });

export const freeRiders = z.strictObject({
  consortium: z.strictObject({ id: z.string(), name: z.string(), place: z.string() }),
  contributors: z.array(z.strictObject({ ...member, contributed: wholePence, benefitsFrom: z.nullable(benefit) })),
  benefitingWithoutContributing: z.array(z.strictObject({ ...member, contributed: wholePence, benefitsFrom: benefit })),
  membersNotContributing: z.array(z.strictObject(member)),
});

export const poolSummary = z.strictObject({
  id: z.string(),
  consortiumId: z.string(),
  name: z.string(),
  purpose: z.string(),
  currency: z.literal('GBP'),
  status: z.enum(['open', 'closed']),
  ...totals,
  available: wholePence,
  bank: wholePence,
  outstandingCommitments: wholePence,
  coreAvailable: wholePence,
  lots: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      restrictedReceived: wholePence,
      restrictedAvailable: wholePence,
      committed: wholePence,
      grants: z.int(),
    }),
  ),
  funders: z.array(z.strictObject({ orgId: z.string(), name: z.optional(z.string()), pledged: wholePence, received: wholePence })),
  grants: z.int(),
  ledgerEntries: z.int(),
});

const poolName = z.strictObject({ id: z.string(), name: z.string(), currency: z.literal('GBP') });

export const ledger = z.strictObject({
  pool: poolName,
  entries: z.array(
    z.strictObject({
      seq: z.int(),
      at: isoTime,
      type: z.enum(['contribution', 'allocation', 'payment', 'return', 'release', 'reservation', 'unreservation']),
      grantId: z.optional(z.string()),
      memo: z.string(),
      bankChange: wholePence,
      runningBalance: wholePence,
      postings: z.array(z.strictObject({ account: z.string(), amount: wholePence, label: z.string() })),
    }),
  ),
});

export const funderStatement = z.strictObject({
  pool: poolName,
  funder: z.strictObject({ id: z.string(), name: z.string(), identifier: z.string(), funderType: z.optional(z.enum(funderTypes)) }),
  pledged: wholePence,
  received: wholePence,
  attributedCommitted: wholePence,
  attributedPaid: wholePence,
  returned: wholePence,
  available: wholePence,
  pledges: z.array(z.strictObject({ id: z.string(), restriction: z.string(), years: z.array(pledgeYear) })),
  grants: z.array(
    z.strictObject({
      grantId: z.string(),
      title: z.optional(z.string()),
      recipientOrgId: z.optional(z.string()),
      grantAmount: wholePence,
      share: wholePence,
      paid: wholePence,
      returned: wholePence,
      restrictions: z.array(z.string()),
    }),
  ),
});

const named = z.strictObject({ id: z.string(), name: z.string() });

/** A 360Giving data package (the standard's own schema is checked by the tests; this is its shape as we write it). */
export const giving360 = z.strictObject({
  version: z.string(),
  title: z.string(),
  issued: isoDate,
  publisher: z.strictObject({ name: z.string() }),
  grants: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      currency: z.literal('GBP'),
      amountAwarded: z.number(),
      awardDate: isoDate,
      plannedDates: z.array(z.strictObject({ startDate: isoDate, endDate: isoDate, duration: z.int() })),
      recipientOrganization: z.array(named),
      fundingOrganization: z.array(named),
      grantProgramme: z.array(z.strictObject({ code: z.string(), title: z.string() })),
      beneficiaryLocation: z.array(z.strictObject({ name: z.string(), countryCode: z.string() })),
      classifications: z.array(z.strictObject({ vocabulary: z.string(), code: z.string(), title: z.string() })),
      regrantType: z.optional(z.enum(regrantTypes)),
      dateModified: isoTime,
    }),
  ),
});

const roundFields = {
  id: z.string(),
  poolId: z.string(),
  consortiumId: z.string(),
  name: z.string(),
  status: z.enum(['open', 'voting', 'escalated', 'approved', 'rejected', 'expired', 'committed']),
  openedAt: isoTime,
  openedBy: z.string(),
  closedAt: z.optional(isoTime),
  decidedAt: z.optional(isoTime),
  version: z.int(),
};
export const round = z.strictObject(roundFields);

export const proposal = z.strictObject({ ...allocationFields, ...proposalOutcome() });

const tally = z.strictObject({
  approveWeight: z.number(),
  rejectWeight: z.number(),
  totalWeight: z.number(),
  quorumPercent: z.number(),
  outcome: z.enum(['approved', 'rejected', 'pending']),
});
const decision = z.enum(['approve', 'reject']);

export const roundDetail = z.strictObject({
  ...roundFields,
  proposals: z.array(proposal),
  votes: z.array(z.strictObject({ orgId: z.string(), decision, comment: z.optional(z.string()), by: z.string(), at: isoTime })),
  tally,
});

export const voteCast = z.strictObject({ roundId: z.string(), orgId: z.string(), decision, tally });
export const leadDecided = z.strictObject({ roundId: z.string(), outcome: z.string() });
