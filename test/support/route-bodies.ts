/** Ids a route's path and body can name: a consortium's real records, or made-up ones. */
export interface RouteIds {
  consortiumId: string;
  poolId: string;
  pledgeId: string;
  grantId: string;
  roundId: string;
  reportId: string;
  tenderId: string;
  challengeId: string;
  questionId: string;
  contractId: string;
  /** The contract's first scheduled payment (P1), where the fixture's contract has one. */
  paymentId?: string;
  orgId: string;
  recipientOrgId: string;
  /** A member of staff of `orgId` whom the staff routes may change and remove (not one of the fixture's roles). */
  userId?: string;
}

/**
 * A body each write route accepts as well-formed, so a request gets past validation to the
 * authorisation it is testing. A route missing here fails the tests that use this table.
 */
export function validBody(route: string, ids: RouteIds): unknown {
  const bodies: Record<string, unknown> = {
    'POST /consortia/{consortiumId}/confirm': {},
    'POST /consortia/{consortiumId}/pools': { name: 'Another pool', purpose: 'Testing who may act' },
    'POST /pools/{poolId}/pledges': {
      funderOrgId: ids.recipientOrgId,
      currency: 'GBP',
      years: [{ financialYear: '2026-27', amount: 1000 }],
    },
    'POST /pools/{poolId}/pledges/{pledgeId}/contributions': { amount: 100, currency: 'GBP', receivedOn: '2026-05-01' },
    'POST /pools/{poolId}/allocations': {
      recipientOrgId: ids.recipientOrgId,
      title: 'A grant',
      amount: 100,
      currency: 'GBP',
      durationMonths: 12,
    },
    'POST /pools/{poolId}/rounds': { name: 'A round' },
    'POST /grants/{grantId}/payments': { amount: 100, currency: 'GBP' },
    'POST /grants/{grantId}/returns': { amount: 100, currency: 'GBP' },
    'POST /rounds/{roundId}/proposals': {
      recipientOrgId: ids.recipientOrgId,
      title: 'A proposal',
      amount: 100,
      currency: 'GBP',
      durationMonths: 12,
    },
    'POST /rounds/{roundId}/close': {},
    'POST /rounds/{roundId}/votes': { decision: 'approve' },
    'POST /rounds/{roundId}/decision': { decision: 'approve' },
    'POST /grants/{grantId}/plan': { tranches: [{ amount: 100, dueDate: '2026-06-01' }] },
    'POST /grants/{grantId}/conditions/{conditionId}/decision': { outcome: 'met' },
    'POST /grants/{grantId}/conditions/{conditionId}/link': {},
    'POST /grants/{grantId}/amendments': { kind: 'amount', amount: 200, currency: 'GBP', reason: 'More work' },
    'POST /grants/{grantId}/status': { status: 'suspended', reason: 'Testing' },
    'PUT /consortia/{consortiumId}/reporting-policy': {
      thresholdPence: 1_000_000,
      small: { frequency: 'annual', template: 'light' },
      large: { frequency: 'quarterly', template: 'full' },
      dueDaysAfterPeriodEnd: 30,
      reminderOffsetsDays: [-14],
      veryLateAfterDays: 21,
    },
    'POST /reports/{reportId}/review': { decision: 'accept' },
    'POST /reports/{reportId}/link': {},
    'POST /consortia/{consortiumId}/tenders': { poolId: ids.poolId },
    'PUT /tenders/{tenderId}': { poolId: ids.poolId },
    'POST /tenders/{tenderId}/sign-off-request': {},
    'POST /tenders/{tenderId}/sign-offs': { decision: 'approve' },
    'POST /tenders/{tenderId}/sign-off-decision': { decision: 'proceed' },
    'POST /tenders/{tenderId}/invitations': { orgName: 'Eastbrook CVS', email: 'x@eastbrook.example.org' },
    'POST /tenders/{tenderId}/questions/{questionId}/answer': { answer: 'Yes.' },
    'POST /tenders/{tenderId}/conflicts': { bidId: `${ids.pledgeId}.lot-1` },
    'POST /tenders/{tenderId}/scores': {
      bidId: `${ids.pledgeId}.lot-1`,
      scores: { delivery: 50 },
      reasons: { delivery: 'A clear plan.' },
    },
    'POST /tenders/{tenderId}/moderations': { bidId: `${ids.pledgeId}.lot-1`, criterionId: 'delivery', score: 50, reason: 'Agreed' },
    'POST /tenders/{tenderId}/evaluation': {},
    'POST /tenders/{tenderId}/award-votes': { decision: 'approve' },
    'POST /tenders/{tenderId}/challenges': { lotId: 'lot-1', grounds: 'Unfair' },
    'POST /tenders/{tenderId}/challenges/{challengeId}/resolution': { outcome: 'dismissed', resolution: 'No.' },
    'POST /tenders/{tenderId}/cancel': { reason: 'No longer needed' },
    'POST /councils/{orgId}/contracts': {
      title: 'A contract',
      supplier: { name: 'Eastbrook CVS', email: 'x@eastbrook.example.org' },
      value: 100,
      period: { startDate: '2026-04-01', endDate: '2027-03-31' },
    },
    'PUT /councils/{orgId}/contract-policy': { amberWithinDays: 14, alertOffsetsDays: [-14] },
    'POST /contracts/{contractId}/milestones/{milestoneId}/decision': { status: 'met' },
    'POST /contracts/{contractId}/milestones/{milestoneId}/evidence-request': {},
    'POST /contracts/{contractId}/kpis/{kpiId}/ratings': { period: { startDate: '2026-04-01', endDate: '2026-06-30' }, rating: 'good' },
    'POST /contracts/{contractId}/amendments': { why: 'Longer', endDate: '2027-06-30' },
    'POST /contracts/{contractId}/status': { status: 'terminated', reason: 'Ended' },
    'POST /contracts/{contractId}/payments/{paymentId}/invoice': { receivedOn: '2026-04-01' },
    'POST /contracts/{contractId}/payments/{paymentId}/paid': { paidOn: '2026-04-01' },
    'POST /councils/{orgId}/calendar-feed': {},
    'POST /contracts/{contractId}/calendar-feed': {},
    'POST /organisations/{orgId}/members': { email: 'new@example.org', name: 'New Person', role: 'viewer' },
    'PUT /organisations/{orgId}/members/{userId}/role': { role: 'viewer' },
    'DELETE /organisations/{orgId}/members/{userId}': undefined,
    'PUT /organisations/{orgId}/giving360-prefix': { prefix: '360G-matrix' },
    'PUT /consortia/{consortiumId}/publishing': {
      licence: 'cc-by-4.0',
      placeCode: 'E10000034',
      show: { grants: true, tenders: true, successRates: true, decisions: false },
      published: false,
    },
    'PUT /grants/{grantId}/publishing': { areaCodes: ['E07000234'], functions: ['convening'] },
  };
  if (!(route in bodies)) throw new Error(`no valid body for ${route}: add one to test/support/route-bodies.ts`);
  return bodies[route];
}

/** A route's path with its parameters filled from `ids` (milestones, KPIs, conditions and payments by their own short ids). */
export const fillPath = (template: string, ids: RouteIds) =>
  template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const fixed: Record<string, string> = { milestoneId: 'M1', kpiId: 'K1', conditionId: 'C1', paymentId: 'P1', token: 'A'.repeat(43) };
    return fixed[name] ?? (ids as unknown as Record<string, string>)[name] ?? '';
  });
