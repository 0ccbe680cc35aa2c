/**
 * Who may use each staff route, in one table (issue 11's authorisation matrix). A route missing
 * here fails the matrix test, so a new route cannot be forgotten.
 *
 * - `any`: anyone signed in; `platform`: platform admins only;
 * - `read`: staff of any member organisation of the consortium the record belongs to;
 * - `lead`: an officer (or admin) of the lead organisation; `member`: of any member organisation;
 * - `council-read` / `council-write`: staff / officers of the council that owns the contract;
 * - `org-member`: staff of the organisation named in the path; `org-admin`: its admins;
 * - `council-page`: a council's contract journey or policy page: its officers (admins for the policy, as the use
 *   cases allow); the fixture's council is the lead, whose admin is the only one with the role; anyone else the 404 page;
 * - `lead-page`: a page only the lead's admins use (a journey that makes something); anyone else gets the 404 page;
 * - `funder-admin-page`: a page for an admin of any funder (proposing a consortium, which that funder then leads, as
 *   `POST /consortia` allows); anyone else gets the 404 page;
 * - `member-page`: a journey for the officers and admins of the lead or a member (recording a pledge, proposing); anyone else the 404 page;
 * - `platform-page`: a page only platform admins use (adding an organisation); anyone else gets the 404 page;
 * - `org-page`: an organisation's page: its staff (any role) and platform admins; anyone else gets the 404 page;
 * - `org-admin-page`: a page that changes an organisation's staff: its admins and platform admins; anyone else the 404 page;
 * - `none`: no such page (the catch-all for unknown paths under /app): the page-not-found page for everyone signed in;
 * - `panel`: a tender's evaluation: its panel (scoring), and the lead's officers (reading it); the fixture's panel is
 *   the lead's admin and the member's admin; never the platform admin, who is on no panel (shared/tenders/evaluation-access.ts).
 * Someone in no member organisation gets 404 (as for a made-up id); a member without the role 403.
 */
export type Rule =
  | 'any'
  | 'platform'
  | 'read'
  | 'lead'
  | 'member'
  | 'panel'
  | 'council-read'
  | 'council-write'
  | 'org-member'
  | 'org-admin'
  | 'lead-page'
  | 'council-page'
  | 'funder-admin-page'
  | 'member-page'
  | 'platform-page'
  | 'org-page'
  | 'org-admin-page'
  | 'none';

export const rules: Record<string, Rule> = {
  'GET /me': 'any',
  'GET /organisations': 'any',
  'POST /organisations': 'platform',
  'GET /organisations/{orgId}': 'org-member',
  'POST /organisations/{orgId}/members': 'org-admin',
  'PUT /organisations/{orgId}/members/{userId}/role': 'org-admin',
  'DELETE /organisations/{orgId}/members/{userId}': 'org-admin',
  'PUT /organisations/{orgId}/giving360-prefix': 'org-admin',
  'POST /consortia': 'org-admin',
  'GET /consortia/{consortiumId}': 'read',
  'POST /consortia/{consortiumId}/confirm': 'lead',
  'POST /consortia/{consortiumId}/pools': 'lead',
  'GET /consortia/{consortiumId}/free-riders': 'read',
  'GET /pools/{poolId}': 'read',
  'POST /pools/{poolId}/pledges': 'member',
  'POST /pools/{poolId}/pledges/{pledgeId}/contributions': 'lead',
  'POST /pools/{poolId}/allocations': 'lead',
  'GET /pools/{poolId}/ledger': 'read',
  'GET /pools/{poolId}/funders/{orgId}/statement': 'read',
  'GET /pools/{poolId}/360giving': 'read',
  'POST /pools/{poolId}/rounds': 'lead',
  'POST /grants/{grantId}/payments': 'lead',
  'POST /grants/{grantId}/returns': 'lead',
  'GET /rounds/{roundId}': 'read',
  'POST /rounds/{roundId}/proposals': 'member',
  'POST /rounds/{roundId}/close': 'lead',
  'POST /rounds/{roundId}/votes': 'member',
  'POST /rounds/{roundId}/decision': 'lead',
  'GET /grants/{grantId}': 'read',
  'POST /grants/{grantId}/plan': 'lead',
  'POST /grants/{grantId}/conditions/{conditionId}/decision': 'lead',
  'POST /grants/{grantId}/conditions/{conditionId}/link': 'lead',
  'POST /grants/{grantId}/amendments': 'lead',
  'POST /grants/{grantId}/status': 'lead',
  'PUT /consortia/{consortiumId}/reporting-policy': 'lead',
  'GET /reports/{reportId}': 'read',
  'POST /reports/{reportId}/review': 'lead',
  'POST /reports/{reportId}/link': 'lead',
  'GET /consortia/{consortiumId}/reports': 'read',
  'POST /consortia/{consortiumId}/tenders': 'lead',
  'GET /consortia/{consortiumId}/tenders': 'read',
  'GET /tenders/{tenderId}': 'read',
  'PUT /tenders/{tenderId}': 'lead',
  'POST /tenders/{tenderId}/sign-off-request': 'lead',
  'POST /tenders/{tenderId}/sign-offs': 'member',
  'POST /tenders/{tenderId}/sign-off-decision': 'lead',
  'POST /tenders/{tenderId}/invitations': 'lead',
  'GET /tenders/{tenderId}/questions': 'read',
  'POST /tenders/{tenderId}/questions/{questionId}/answer': 'lead',
  'POST /tenders/{tenderId}/conflicts': 'panel',
  'POST /tenders/{tenderId}/scores': 'panel',
  'POST /tenders/{tenderId}/moderations': 'lead',
  'GET /tenders/{tenderId}/evaluation': 'panel',
  'POST /tenders/{tenderId}/evaluation': 'lead',
  'POST /tenders/{tenderId}/award-votes': 'member',
  'POST /tenders/{tenderId}/challenges': 'lead',
  'POST /tenders/{tenderId}/challenges/{challengeId}/resolution': 'lead',
  'POST /tenders/{tenderId}/cancel': 'lead',
  'GET /tenders/{tenderId}/ocds': 'read',
  'POST /councils/{orgId}/contracts': 'council-write',
  'GET /councils/{orgId}/contracts': 'council-read',
  'PUT /councils/{orgId}/contract-policy': 'council-write',
  'GET /contracts/{contractId}': 'council-read',
  'POST /contracts/{contractId}/milestones/{milestoneId}/decision': 'council-write',
  'POST /contracts/{contractId}/milestones/{milestoneId}/evidence-request': 'council-write',
  'POST /contracts/{contractId}/kpis/{kpiId}/ratings': 'council-write',
  'POST /contracts/{contractId}/amendments': 'council-write',
  'POST /contracts/{contractId}/status': 'council-write',
  'POST /contracts/{contractId}/payments/{paymentId}/invoice': 'council-write',
  'POST /contracts/{contractId}/payments/{paymentId}/paid': 'council-write',
  'GET /councils/{orgId}/late-payments': 'council-read',
  'GET /councils/{orgId}/payment-notices': 'council-read',
  'GET /councils/{orgId}/milestones': 'council-read',
  'GET /contracts/{contractId}/ocds': 'council-read',
  'POST /councils/{orgId}/calendar-feed': 'council-write',
  'POST /contracts/{contractId}/calendar-feed': 'council-write',
  // What the consortium publishes: the lead's officers; a grant's areas and functions: officers of its funders (lead or member).
  'PUT /consortia/{consortiumId}/publishing': 'lead',
  'PUT /grants/{grantId}/publishing': 'member',
};

/**
 * The staff pages, by the same rules: a page shows what its record's JSON route shows, and its
 * form posts run the same use cases as the JSON routes above (each action's role is checked
 * there), so a page's row is who may see it and post to it at all.
 */
export const pageRules: Record<string, Rule> = {
  'GET /app': 'any',
  // Organisations: everyone signed in sees the list (their own; a platform admin every one); adding one is the platform admin's.
  'GET /app/organisations': 'any',
  'GET /app/organisations/new': 'platform-page',
  'POST /app/organisations/new': 'platform-page',
  'GET /app/organisations/{orgId}': 'org-page',
  'GET /app/organisations/{orgId}/members/new': 'org-admin-page',
  'POST /app/organisations/{orgId}/members/new': 'org-admin-page',
  'GET /app/organisations/{orgId}/members/{userId}/role': 'org-admin-page',
  'POST /app/organisations/{orgId}/members/{userId}/role': 'org-admin-page',
  'GET /app/organisations/{orgId}/members/{userId}/remove': 'org-admin-page',
  'POST /app/organisations/{orgId}/members/{userId}/remove': 'org-admin-page',
  // Its 360Giving prefix: set by its admins and platform admins (setGiving360Prefix's rule).
  'GET /app/organisations/{orgId}/giving360-prefix': 'org-admin-page',
  'POST /app/organisations/{orgId}/giving360-prefix': 'org-admin-page',
  // Proposing a consortium: an admin of a funder (it leads it), or a platform admin; anyone else the not-found page.
  'GET /app/consortia/new': 'funder-admin-page',
  'POST /app/consortia/new': 'funder-admin-page',
  'GET /app/pools/{poolId}': 'read',
  // Creating a pool is the lead's admins'; anyone else is shown the not-found page (pages never say forbidden).
  'GET /app/consortia/{consortiumId}/pools/new': 'lead-page',
  'POST /app/consortia/{consortiumId}/pools/new': 'lead-page',
  // A pledge is recorded by an officer of the funder pledging (lead or member); money received by the lead's officers.
  'GET /app/pools/{poolId}/pledges/new': 'member-page',
  'POST /app/pools/{poolId}/pledges/new': 'member-page',
  'GET /app/pools/{poolId}/pledges/{pledgeId}/contributions/new': 'lead-page',
  'POST /app/pools/{poolId}/pledges/{pledgeId}/contributions/new': 'lead-page',
  'GET /app/pools/{poolId}/rounds/new': 'lead-page',
  'POST /app/pools/{poolId}/rounds/new': 'lead-page',
  'GET /app/pools/{poolId}/grants/new': 'lead-page',
  'POST /app/pools/{poolId}/grants/new': 'lead-page',
  'GET /app/pools/{poolId}/statement/{orgId}': 'read',
  'GET /app/rounds/{roundId}': 'read',
  'POST /app/rounds/{roundId}': 'read',
  'GET /app/rounds/{roundId}/proposals/new': 'member-page',
  'POST /app/rounds/{roundId}/proposals/new': 'member-page',
  'GET /app/grants/{grantId}': 'read',
  'POST /app/grants/{grantId}': 'read',
  // Setting a grant's plan is its use case's: the lead's admins; anyone else is shown the not-found page.
  'GET /app/grants/{grantId}/plan': 'lead-page',
  'POST /app/grants/{grantId}/plan': 'lead-page',
  // Payments and returns are the lead's officers' (as their use case checks), amending and status its admins'; the fixture's lead admin is both.
  'GET /app/grants/{grantId}/payments/new': 'lead-page',
  'POST /app/grants/{grantId}/payments/new': 'lead-page',
  'GET /app/grants/{grantId}/returns/new': 'lead-page',
  'POST /app/grants/{grantId}/returns/new': 'lead-page',
  'GET /app/grants/{grantId}/amendments/new': 'lead-page',
  'POST /app/grants/{grantId}/amendments/new': 'lead-page',
  'GET /app/grants/{grantId}/status': 'lead-page',
  'POST /app/grants/{grantId}/status': 'lead-page',
  'GET /app/reports/{reportId}': 'read',
  'POST /app/reports/{reportId}': 'read',
  'GET /app/consortia/{consortiumId}/reports': 'read',
  'GET /app/consortia/{consortiumId}': 'read',
  'POST /app/consortia/{consortiumId}': 'read',
  'GET /app/consortia/{consortiumId}/evidence': 'read',
  'GET /app/consortia/{consortiumId}/funding-quality': 'read',
  'GET /app/consortia/{consortiumId}/pools': 'read',
  'GET /app/consortia/{consortiumId}/rounds': 'read',
  'GET /app/consortia/{consortiumId}/grants': 'read',
  'GET /app/{proxy+}': 'none',
  'GET /app/consortia/{consortiumId}/tenders': 'read',
  'GET /app/tenders/{tenderId}': 'read',
  'POST /app/tenders/{tenderId}': 'read',
  'GET /app/tenders/{tenderId}/clarifications': 'read',
  'POST /app/tenders/{tenderId}/clarifications': 'read',
  'GET /app/tenders/{tenderId}/bids': 'read',
  'POST /app/tenders/{tenderId}/bids': 'read',
  'GET /app/tenders/{tenderId}/award': 'read',
  'POST /app/tenders/{tenderId}/award': 'read',
  // Cancelling is the lead's admins' (cancelTender's rule); anyone else is shown the not-found page.
  'GET /app/tenders/{tenderId}/cancel': 'lead-page',
  'POST /app/tenders/{tenderId}/cancel': 'lead-page',
  // Drafting a tender and changing a draft: the lead's officers (the fixture's lead admin); anyone else the not-found page.
  'GET /app/consortia/{consortiumId}/tenders/new': 'lead-page',
  'POST /app/consortia/{consortiumId}/tenders/new': 'lead-page',
  'GET /app/tenders/{tenderId}/edit': 'lead-page',
  'POST /app/tenders/{tenderId}/edit': 'lead-page',
  'GET /app/councils/{orgId}/contracts': 'council-read',
  'POST /app/councils/{orgId}/contracts': 'council-read',
  'GET /app/contracts/{contractId}': 'council-read',
  'POST /app/contracts/{contractId}': 'council-read',
  'GET /app/councils/{orgId}/payments': 'council-read',
  'GET /app/contracts/{contractId}/milestones': 'council-read',
  'POST /app/contracts/{contractId}/milestones': 'council-read',
  'GET /app/contracts/{contractId}/kpis': 'council-read',
  'POST /app/contracts/{contractId}/kpis': 'council-read',
  'GET /app/contracts/{contractId}/payments': 'council-read',
  'POST /app/contracts/{contractId}/payments': 'council-read',
  'GET /app/councils/{orgId}/contracts/new': 'council-page',
  'POST /app/councils/{orgId}/contracts/new': 'council-page',
  'GET /app/councils/{orgId}/contract-policy': 'council-page',
  'POST /app/councils/{orgId}/contract-policy': 'council-page',
  'GET /app/contracts/{contractId}/milestones/new': 'council-page',
  'POST /app/contracts/{contractId}/milestones/new': 'council-page',
  'GET /app/contracts/{contractId}/amendments/new': 'council-page',
  'POST /app/contracts/{contractId}/amendments/new': 'council-page',
  'GET /app/contracts/{contractId}/status': 'council-page',
  'POST /app/contracts/{contractId}/status': 'council-page',
  // Publishing: every member reads the settings and a grant's details; the forms are only for those their use cases let change them.
  'GET /app/consortia/{consortiumId}/publishing': 'read',
  'POST /app/consortia/{consortiumId}/publishing': 'read',
  'GET /app/grants/{grantId}/publishing': 'read',
  'POST /app/grants/{grantId}/publishing': 'read',
};

export type Role = 'platformAdmin' | 'leadAdmin' | 'leadViewer' | 'memberAdmin' | 'otherConsortium' | 'providerStaff';

/** What each role gets under each rule: `ok` (past authorisation: any answer but 401, 403 and 404), 403 or 404. */
export function expected(rule: Rule, role: Role): 'ok' | 403 | 404 {
  if (rule === 'none') return 404;
  if (rule === 'panel' && role === 'platformAdmin') return 403;
  if (role === 'platformAdmin') return 'ok';
  const outsider = role === 'otherConsortium' || role === 'providerStaff';
  switch (rule) {
    case 'any':
      return 'ok';
    case 'platform':
      return 403;
    case 'read':
      return outsider ? 404 : 'ok';
    case 'lead':
      return outsider ? 404 : role === 'leadAdmin' ? 'ok' : 403;
    case 'member':
    case 'panel':
      return outsider ? 404 : role === 'leadViewer' ? 403 : 'ok';
    case 'council-read':
      return role === 'leadAdmin' || role === 'leadViewer' ? 'ok' : 404;
    case 'council-write':
      return role === 'leadAdmin' ? 'ok' : role === 'leadViewer' ? 403 : 404;
    case 'org-member':
      return role === 'leadAdmin' || role === 'leadViewer' ? 'ok' : 403;
    case 'org-admin':
      return role === 'leadAdmin' ? 'ok' : 403;
    // A page only the lead's admins use (a journey that makes something): everyone else gets the not-found page.
    case 'lead-page':
    case 'council-page':
      return role === 'leadAdmin' ? 'ok' : 404;
    // The fixture's organisation in the path is the lead's: its admin and its viewer are its staff.
    case 'platform-page':
      return 404;
    case 'org-page':
      return role === 'leadAdmin' || role === 'leadViewer' ? 'ok' : 404;
    case 'org-admin-page':
      return role === 'leadAdmin' ? 'ok' : 404;
    // Every fixture role but the lead's viewer and the provider's staff is an admin of a funder.
    case 'funder-admin-page':
      return role === 'leadViewer' || role === 'providerStaff' ? 404 : 'ok';
    case 'member-page':
      return outsider || role === 'leadViewer' ? 404 : 'ok';
  }
}
