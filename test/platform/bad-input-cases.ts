/** [route key, path, body or raw body, field, rule]: a request that must be a 400 naming that field and rule. */
export type BadInput = [string, string, { body?: unknown; rawBody?: string }, string, string];

export const goodId = '01M8060NW1SAEDZDZBZQ112NEA';

/** The tenders', contracts', calendar feeds' and staff changes' routes (the test itself lists the older features'). */
export const tenderAndContractCases: BadInput[] = [
  // An organisation's staff: a member named by something not an id; a role that is none of the three.
  ['DELETE /organisations/{orgId}/members/{userId}', `/organisations/${goodId}/members/x`, {}, 'path.userId', 'invalid_format'],
  [
    'PUT /organisations/{orgId}/members/{userId}/role',
    `/organisations/${goodId}/members/${goodId}/role`,
    { body: { role: 'owner' } },
    'body.role',
    'invalid_value',
  ],
  // Tenders: a bad id in the path, and one rule of each body.
  ['POST /consortia/{consortiumId}/tenders', `/consortia/${goodId}/tenders`, { body: { poolId: 'x' } }, 'body.poolId', 'invalid_format'],
  ['GET /consortia/{consortiumId}/tenders', '/consortia/x/tenders', {}, 'path.consortiumId', 'invalid_format'],
  ['GET /tenders/{tenderId}', '/tenders/x', {}, 'path.tenderId', 'invalid_format'],
  ['PUT /tenders/{tenderId}', `/tenders/${goodId}`, { body: { poolId: 'x' } }, 'body.poolId', 'invalid_format'],
  ['POST /tenders/{tenderId}/sign-off-request', '/tenders/x/sign-off-request', {}, 'path.tenderId', 'invalid_format'],
  ['POST /tenders/{tenderId}/sign-offs', `/tenders/${goodId}/sign-offs`, { body: { decision: 'maybe' } }, 'body.decision', 'invalid_value'],
  [
    'POST /tenders/{tenderId}/sign-off-decision',
    `/tenders/${goodId}/sign-off-decision`,
    { body: { decision: 'go' } },
    'body.decision',
    'invalid_value',
  ],
  [
    'POST /tenders/{tenderId}/invitations',
    `/tenders/${goodId}/invitations`,
    { body: { orgName: 'Eastbrook CVS', email: 'nobody' } },
    'body.email',
    'invalid_format',
  ],
  [
    'POST /tenders/{tenderId}/interest',
    `/tenders/${goodId}/interest`,
    { body: { orgName: 'Eastbrook CVS', email: 'nobody' } },
    'body.email',
    'invalid_format',
  ],
  ['GET /tenders/{tenderId}/questions', '/tenders/x/questions', {}, 'path.tenderId', 'invalid_format'],
  [
    'POST /tenders/{tenderId}/questions/{questionId}/answer',
    `/tenders/${goodId}/questions/x/answer`,
    { body: { answer: 'Yes' } },
    'path.questionId',
    'invalid_format',
  ],
  ['POST /tenders/{tenderId}/conflicts', `/tenders/${goodId}/conflicts`, { body: { bidId: 'x' } }, 'body.bidId', 'invalid_format'],
  [
    'POST /tenders/{tenderId}/scores',
    `/tenders/${goodId}/scores`,
    { body: { bidId: `${goodId}.lot-1`, scores: { delivery: 101 }, reasons: { delivery: 'Strong.' } } },
    'body.scores.delivery',
    'too_big',
  ],
  [
    'POST /tenders/{tenderId}/moderations',
    `/tenders/${goodId}/moderations`,
    { body: { bidId: `${goodId}.lot-1`, criterionId: 'delivery', score: 50 } },
    'body.reason',
    'invalid_type',
  ],
  ['GET /tenders/{tenderId}/evaluation', '/tenders/x/evaluation', {}, 'path.tenderId', 'invalid_format'],
  ['POST /tenders/{tenderId}/evaluation', '/tenders/x/evaluation', {}, 'path.tenderId', 'invalid_format'],
  ['GET /tenders/{tenderId}/ocds', `/tenders/${goodId}/ocds?package=csv`, {}, 'query.package', 'invalid_value'],
  [
    'POST /tenders/{tenderId}/award-votes',
    `/tenders/${goodId}/award-votes`,
    { body: { decision: 'abstain' } },
    'body.decision',
    'invalid_value',
  ],
  [
    'POST /tenders/{tenderId}/challenges',
    `/tenders/${goodId}/challenges`,
    { body: { lotId: 'Lot 1', grounds: 'Unfair' } },
    'body.lotId',
    'invalid_format',
  ],
  [
    'POST /tenders/{tenderId}/challenges/{challengeId}/resolution',
    `/tenders/${goodId}/challenges/${goodId}/resolution`,
    { body: { outcome: 'settled', resolution: 'x' } },
    'body.outcome',
    'invalid_value',
  ],
  ['POST /tenders/{tenderId}/cancel', `/tenders/${goodId}/cancel`, { body: {} }, 'body.reason', 'invalid_type'],
  // Contracts: a bad id in the path, and one rule of each body.
  [
    'POST /councils/{orgId}/contracts',
    `/councils/${goodId}/contracts`,
    {
      body: {
        title: 'Support',
        supplier: { name: 'Eastbrook CVS', email: 'x@example.org' },
        value: 100,
        period: { startDate: '2026-04-01', endDate: '31/03/2027' },
      },
    },
    'body.period.endDate',
    'invalid_format',
  ],
  ['GET /councils/{orgId}/contracts', `/councils/${goodId}/contracts?status=late`, {}, 'query.status', 'invalid_value'],
  [
    'PUT /councils/{orgId}/contract-policy',
    `/councils/${goodId}/contract-policy`,
    { body: { amberWithinDays: 1.5, alertOffsetsDays: [] } },
    'body.amberWithinDays',
    'invalid_type',
  ],
  ['GET /contracts/{contractId}', '/contracts/x', {}, 'path.contractId', 'invalid_format'],
  [
    'POST /contracts/{contractId}/milestones/{milestoneId}/decision',
    `/contracts/${goodId}/milestones/M1/decision`,
    { body: { status: 'done' } },
    'body.status',
    'invalid_value',
  ],
  [
    'POST /contracts/{contractId}/kpis/{kpiId}/ratings',
    `/contracts/${goodId}/kpis/K1/ratings`,
    { body: { period: { startDate: '2026-04-01', endDate: '2026-06-30' }, rating: 'excellent' } },
    'body.rating',
    'invalid_value',
  ],
  ['POST /contracts/{contractId}/amendments', `/contracts/${goodId}/amendments`, { body: { value: 100 } }, 'body.why', 'invalid_type'],
  ['POST /contracts/{contractId}/status', `/contracts/${goodId}/status`, { body: { status: 'complete' } }, 'body.status', 'invalid_value'],
  ['GET /councils/{orgId}/milestones', `/councils/${goodId}/milestones?format=xlsx`, {}, 'query.format', 'invalid_value'],
  [
    'POST /contracts/{contractId}/payments/{paymentId}/invoice',
    `/contracts/${goodId}/payments/P1/invoice`,
    { body: { receivedOn: '5 December 2026' } },
    'body.receivedOn',
    'invalid_format',
  ],
  [
    'POST /contracts/{contractId}/payments/{paymentId}/paid',
    `/contracts/${goodId}/payments/P1/paid`,
    { body: {} },
    'body.paidOn',
    'invalid_type',
  ],
  ['GET /councils/{orgId}/late-payments', `/councils/${goodId}/late-payments?format=xlsx`, {}, 'query.format', 'invalid_value'],
  ['GET /councils/{orgId}/payment-notices', `/councils/${goodId}/payment-notices?period=2026-13-01`, {}, 'query.period', 'invalid_format'],
  ['GET /contracts/{contractId}/ocds', '/contracts/x/ocds', {}, 'path.contractId', 'invalid_format'],
  // Calendar feeds: the owner in the path.
  ['POST /councils/{orgId}/calendar-feed', '/councils/x/calendar-feed', {}, 'path.orgId', 'invalid_format'],
  ['POST /contracts/{contractId}/calendar-feed', '/contracts/x/calendar-feed', {}, 'path.contractId', 'invalid_format'],
  // A proposal's recipient added on the way: its contact email checked as any organisation's.
  [
    'POST /rounds/{roundId}/proposals',
    `/rounds/${goodId}/proposals`,
    {
      body: {
        newRecipient: { name: 'Northgate Care', identifier: 'GB-CHC-1099123', contactEmail: 'not an email' },
        title: 'A proposal',
        amount: 100,
        currency: 'GBP',
        durationMonths: 12,
      },
    },
    'body.newRecipient.contactEmail',
    'invalid_format',
  ],
];
