/** [route key, path, body or raw body, field, rule]: a request that must be a 400 naming that field and rule. */
export type BadInput = [string, string, { body?: unknown; rawBody?: string }, string, string];

export const goodId = '01M8060NW1SAEDZDZBZQ112NEA';

/** What a case sends: path parameters other than a good id, a query string, and a body or raw body. */
interface CaseRequest {
  path?: Record<string, string>;
  query?: string;
  body?: unknown;
  rawBody?: string;
}

/** The case for a route key: its path is the key's, every parameter a good id unless `request.path` says otherwise. */
export function bad(key: string, field: string, rule: string, request: CaseRequest = {}): BadInput {
  const { path = {}, query, ...input } = request;
  const url = (key.split(' ')[1] ?? '').replace(/\{(\w+)\}/g, (_, name: string) => path[name] ?? goodId);
  return [key, query ? `${url}?${query}` : url, input, field, rule];
}

/** A path parameter that is not an id (the other parameters good ones). */
export const badId = (key: string, param: string, value = 'x', request: CaseRequest = {}): BadInput =>
  bad(key, `path.${param}`, 'invalid_format', { ...request, path: { [param]: value } });

/** The tenders', contracts', calendar feeds' and staff changes' routes (the test itself lists the older features'). */
export const tenderAndContractCases: BadInput[] = [
  // An organisation's staff: a member named by something not an id; a role that is none of the three.
  badId('DELETE /organisations/{orgId}/members/{userId}', 'userId'),
  bad('PUT /organisations/{orgId}/members/{userId}/role', 'body.role', 'invalid_value', { body: { role: 'owner' } }),
  // A 360Giving prefix that is an org-id, not 360G-…
  bad('PUT /organisations/{orgId}/giving360-prefix', 'body.prefix', 'invalid_format', { body: { prefix: 'GB-CHC-1234567' } }),
  // Tenders: a bad id in the path, and one rule of each body.
  bad('POST /consortia/{consortiumId}/tenders', 'body.poolId', 'invalid_format', { body: { poolId: 'x' } }),
  badId('GET /consortia/{consortiumId}/tenders', 'consortiumId'),
  badId('GET /tenders/{tenderId}', 'tenderId'),
  bad('PUT /tenders/{tenderId}', 'body.poolId', 'invalid_format', { body: { poolId: 'x' } }),
  badId('POST /tenders/{tenderId}/sign-off-request', 'tenderId'),
  bad('POST /tenders/{tenderId}/sign-offs', 'body.decision', 'invalid_value', { body: { decision: 'maybe' } }),
  bad('POST /tenders/{tenderId}/sign-off-decision', 'body.decision', 'invalid_value', { body: { decision: 'go' } }),
  bad('POST /tenders/{tenderId}/invitations', 'body.email', 'invalid_format', { body: { orgName: 'Eastbrook CVS', email: 'nobody' } }),
  bad('POST /tenders/{tenderId}/interest', 'body.email', 'invalid_format', { body: { orgName: 'Eastbrook CVS', email: 'nobody' } }),
  badId('GET /tenders/{tenderId}/questions', 'tenderId'),
  badId('POST /tenders/{tenderId}/questions/{questionId}/answer', 'questionId', 'x', { body: { answer: 'Yes' } }),
  bad('POST /tenders/{tenderId}/conflicts', 'body.bidId', 'invalid_format', { body: { bidId: 'x' } }),
  bad('POST /tenders/{tenderId}/scores', 'body.scores.delivery', 'too_big', {
    body: { bidId: `${goodId}.lot-1`, scores: { delivery: 101 }, reasons: { delivery: 'Strong.' } },
  }),
  bad('POST /tenders/{tenderId}/moderations', 'body.reason', 'invalid_type', {
    body: { bidId: `${goodId}.lot-1`, criterionId: 'delivery', score: 50 },
  }),
  badId('GET /tenders/{tenderId}/evaluation', 'tenderId'),
  badId('POST /tenders/{tenderId}/evaluation', 'tenderId'),
  bad('GET /tenders/{tenderId}/ocds', 'query.package', 'invalid_value', { query: 'package=csv' }),
  bad('POST /tenders/{tenderId}/award-votes', 'body.decision', 'invalid_value', { body: { decision: 'abstain' } }),
  bad('POST /tenders/{tenderId}/challenges', 'body.lotId', 'invalid_format', { body: { lotId: 'Lot 1', grounds: 'Unfair' } }),
  bad('POST /tenders/{tenderId}/challenges/{challengeId}/resolution', 'body.outcome', 'invalid_value', {
    body: { outcome: 'settled', resolution: 'x' },
  }),
  bad('POST /tenders/{tenderId}/cancel', 'body.reason', 'invalid_type', { body: {} }),
  // Contracts: a bad id in the path, and one rule of each body.
  bad('POST /councils/{orgId}/contracts', 'body.period.endDate', 'invalid_format', {
    body: {
      title: 'Support',
      supplier: { name: 'Eastbrook CVS', email: 'x@example.org' },
      value: 100,
      period: { startDate: '2026-04-01', endDate: '31/03/2027' },
    },
  }),
  bad('GET /councils/{orgId}/contracts', 'query.status', 'invalid_value', { query: 'status=late' }),
  bad('PUT /councils/{orgId}/contract-policy', 'body.amberWithinDays', 'invalid_type', {
    body: { amberWithinDays: 1.5, alertOffsetsDays: [] },
  }),
  badId('GET /contracts/{contractId}', 'contractId'),
  bad('POST /contracts/{contractId}/milestones/{milestoneId}/decision', 'body.status', 'invalid_value', {
    path: { milestoneId: 'M1' },
    body: { status: 'done' },
  }),
  bad('POST /contracts/{contractId}/kpis/{kpiId}/ratings', 'body.rating', 'invalid_value', {
    path: { kpiId: 'K1' },
    body: { period: { startDate: '2026-04-01', endDate: '2026-06-30' }, rating: 'excellent' },
  }),
  bad('POST /contracts/{contractId}/amendments', 'body.why', 'invalid_type', { body: { value: 100 } }),
  bad('POST /contracts/{contractId}/status', 'body.status', 'invalid_value', { body: { status: 'complete' } }),
  bad('GET /councils/{orgId}/milestones', 'query.format', 'invalid_value', { query: 'format=xlsx' }),
  bad('POST /contracts/{contractId}/payments/{paymentId}/invoice', 'body.receivedOn', 'invalid_format', {
    path: { paymentId: 'P1' },
    body: { receivedOn: '5 December 2026' },
  }),
  bad('POST /contracts/{contractId}/payments/{paymentId}/paid', 'body.paidOn', 'invalid_type', { path: { paymentId: 'P1' }, body: {} }),
  bad('GET /councils/{orgId}/late-payments', 'query.format', 'invalid_value', { query: 'format=xlsx' }),
  bad('GET /councils/{orgId}/payment-notices', 'query.period', 'invalid_format', { query: 'period=2026-13-01' }),
  badId('GET /contracts/{contractId}/ocds', 'contractId'),
  // Calendar feeds: the owner in the path.
  badId('POST /councils/{orgId}/calendar-feed', 'orgId'),
  badId('POST /contracts/{contractId}/calendar-feed', 'contractId'),
  // Publishing: a licence of none of the three; a place not on the shipped list.
  bad('PUT /consortia/{consortiumId}/publishing', 'body.licence', 'invalid_value', {
    body: { licence: 'mit', show: { grants: true, tenders: true, successRates: true, decisions: true }, published: false },
  }),
  bad('PUT /grants/{grantId}/publishing', 'body.areaCodes.0', 'custom', { body: { areaCodes: ['Wyvernshire'], functions: [] } }),
  // A proposal's recipient added on the way: its contact email checked as any organisation's.
  bad('POST /rounds/{roundId}/proposals', 'body.newRecipient.contactEmail', 'invalid_format', {
    body: {
      newRecipient: { name: 'Northgate Care', identifier: 'GB-CHC-1099123', contactEmail: 'not an email' },
      title: 'A proposal',
      amount: 100,
      currency: 'GBP',
      durationMonths: 12,
    },
  }),
];
