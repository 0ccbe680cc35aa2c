import type { Consortium } from '../../../shared/consortia/consortium';
import type { Contract } from '../../../shared/contracts/contract';
import type { Grant } from '../../../shared/grants/grant';
import { type DomainEvent, defineEvents } from '../../../shared/platform/events';
import { newId } from '../../../shared/platform/ids';
import * as z from '../../../shared/platform/zod';
import { openedPool, type Pool } from '../../../shared/pools/pool';
import type { Round } from '../../../shared/pools/round';
import type { LedgerWrite } from '../../../shared/pools/store';
import { noProcess } from '../../../shared/tenders/process';
import { regimeOf } from '../../../shared/tenders/regime';
import type { Tender } from '../../../shared/tenders/tender';
import { storedContract } from '../contract-input';

export const NOW = new Date('2026-04-01T09:00:00Z');
export const at = NOW.toISOString();
// The outbox writes only declared events: the contract's own, with nothing in it.
defineEvents('store-contract', () => ({ probe: z.strictObject({}) }));
export const event = (subject: string): DomainEvent => ({
  id: newId(NOW),
  type: 'probe',
  version: 1,
  subject,
  occurredAt: at,
  actor: 'test',
  data: {},
});

/** A published tender of one lot, its bids due on `deadline`: whole, as the codec stores it. */
export function tender(consortiumId: string, deadline = '2026-05-01T12:00:00.000Z'): Tender {
  return {
    ...noProcess(),
    id: newId(NOW),
    consortiumId,
    poolId: newId(NOW),
    buyerOrgId: 'lead',
    regime: regimeOf({ estimatedValue: 100_000, lightTouch: true, authorityType: 'sub-central', on: '2026-04-01' }),
    status: 'published',
    createdAt: at,
    createdBy: 'test',
    version: 1,
    title: 'Contract tender',
    description: 'store contract',
    documents: [],
    lots: [{ id: 'lot-1', title: 'Lot', value: 100_000, scope: { kind: 'function', label: 'Support' } }],
    procedure: 'open',
    lightTouch: true,
    authorityType: 'sub-central',
    advertised: false,
    criteria: [{ id: 'q', title: 'Quality', kind: 'quality', weight: 100 }],
    dates: {
      clarificationDeadline: '2026-04-20T12:00:00.000Z',
      submissionDeadline: deadline,
      evaluationEnd: '2026-05-20T12:00:00.000Z',
      awardDecision: '2026-05-30T12:00:00.000Z',
    },
    funders: [{ orgId: 'lead', amount: 100_000 }],
    panel: ['scorer'],
  };
}

/** A council's contract with one payment and one milestone (M1) that releases it. */
export const contract = (councilOrgId: string): Contract =>
  storedContract([{ dueDate: '2026-05-31', deliverable: 'A plan', evidenceRequested: 'The plan', paymentId: 'P1' }], {
    id: newId(NOW),
    councilOrgId,
    payments: [{ id: 'P1', dueDate: '2026-06-01', amount: 50_000 }],
  });

/** A consortium of one lead, inviting, at its first version. */
export function consortium(): Consortium {
  return {
    id: newId(NOW),
    name: 'Contract consortium',
    place: 'Wyvernshire',
    leadOrgId: 'L',
    status: 'inviting',
    members: [{ orgId: 'L', role: 'lead' }],
    quorumPercent: 60,
    createdAt: at,
    createdBy: 'test',
    version: 1,
  };
}

/** A round open for proposals, at its first version. */
export const openRound = (): Round => ({
  id: newId(NOW),
  poolId: 'p',
  consortiumId: 'c',
  name: 'R',
  status: 'open',
  openedAt: at,
  openedBy: 'u',
  version: 1,
});

/** An active link (`hash`) issued for the calendar feed at `pointer`: what each rotation writes. */
export const feedLink = (pointer: { pk: string }, hash: string) => ({
  hash,
  scope: { kind: 'calendar-feed', owner: 'council', id: pointer.pk },
  status: 'active' as const,
  expiresAt: '2036-01-01T00:00:00.000Z',
  createdAt: at,
});

export function pool(): Pool {
  return openedPool({
    id: newId(NOW),
    consortiumId: newId(NOW),
    name: 'Contract pool',
    purpose: 'contract tests',
    lots: [],
    createdAt: at,
    createdBy: 'test',
  });
}

/** A contribution of `amount` into one funder's core bucket, planned against `seq`. */
export const contribution = (p: Pool, funder: string, amount: number, seq: number): LedgerWrite => ({
  poolId: p.id,
  expectedSeq: seq,
  entry: {
    type: 'contribution',
    memo: 'in',
    postings: [
      { account: 'bank', amount },
      { account: `fund:${funder}|core`, amount: -amount },
    ],
  },
  at,
  actor: 'test',
  totals: { received: amount },
  buckets: [
    { bucket: `${funder}|core`, funderOrgId: funder, restriction: { kind: 'core' }, delta: { available: amount, received: amount } },
  ],
  event: event(`pool#${p.id}`),
});

/** An award of `amount` from that bucket as a new grant (with its one share). */
export function award(p: Pool, funder: string, amount: number, seq: number, grantId = newId(NOW)): LedgerWrite {
  const grant: Grant = {
    id: grantId,
    poolId: p.id,
    consortiumId: p.consortiumId,
    currency: 'GBP',
    fundingType: 'core',
    recipientOrgId: 'provider',
    title: 'Contract grant',
    amount,
    durationMonths: 12,
    plannedStart: '2026-04-01',
    plannedEnd: '2027-03-31',
    awardedAt: at,
    awardedBy: 'test',
    status: 'awarded',
    beneficiaryOrgIds: [],
  };
  const bucket = `${funder}|core`;
  return {
    poolId: p.id,
    expectedSeq: seq,
    entry: {
      type: 'allocation',
      memo: 'award',
      grantId,
      postings: [
        { account: `fund:${bucket}`, amount },
        { account: `grant:${grantId}:${bucket}`, amount: -amount },
      ],
    },
    at,
    actor: 'test',
    totals: { committed: amount },
    buckets: [{ bucket, funderOrgId: funder, restriction: { kind: 'core' }, delta: { available: -amount, committed: amount } }],
    newGrant: { grant, shares: [{ bucket, funderOrgId: funder, restriction: { kind: 'core' }, amount, paid: 0, returned: 0 }] },
    event: event(`grant#${grantId}`),
  };
}
