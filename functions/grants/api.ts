import { defineApi, idsPath } from '../lib/api';
import {
  amendment,
  conditionDecision,
  conditionPath,
  consortiumIdPath,
  grantIdPath,
  grantPlan,
  grantStatusChange,
  reportingPolicy,
} from './schemas';
import * as views from './views';

export const grantsApi = defineApi({
  'GET /grants/{grantId}': {
    summary: 'A grant: plan, conditions, tranches, reports and amendments.',
    path: grantIdPath,
    response: views.grantDetail,
  },
  'POST /grants/{grantId}/plan': {
    summary: "A grant's plan: conditions, tranches and reporting (the lead).",
    status: 201,
    path: grantIdPath,
    body: grantPlan,
    response: views.grantDetail,
  },
  'POST /grants/{grantId}/conditions/{conditionId}/decision': {
    summary: 'Decides a condition: met, waived or not met (with a reason).',
    path: conditionPath,
    body: conditionDecision,
    response: views.condition,
  },
  'POST /grants/{grantId}/conditions/{conditionId}/link': {
    summary:
      "Emails the provider a new evidence link for a condition still waiting for evidence (pending or not met); every earlier link answers 410 'replaced' (the lead's officers).",
    status: 201,
    path: conditionPath,
    response: views.linkSent,
  },
  'POST /grants/{grantId}/amendments': {
    summary: "Amends a grant's amount, dates or conditions, with a reason.",
    status: 201,
    path: grantIdPath,
    body: amendment,
    response: views.amendment,
  },
  'POST /grants/{grantId}/status': {
    summary: 'Suspends, resumes, ends or closes a grant, with a reason.',
    path: grantIdPath,
    body: grantStatusChange,
    response: views.statusChanged,
  },
  'PUT /consortia/{consortiumId}/reporting-policy': {
    summary: "The consortium's reporting policy, proportionate to grant size (the lead).",
    path: consortiumIdPath,
    body: reportingPolicy,
    response: views.policySet,
  },
  'GET /app/grants/{grantId}': { summary: 'A grant page with the decide forms and audit trail.', path: idsPath('grantId') },
  'POST /app/grants/{grantId}': {
    summary: "The grant page's condition decision form.",
    status: 303,
    path: idsPath('grantId'),
    form: '`csrf`, `condition` (C1…), then `outcome-<condition>` (met, waived, not-met) and `reason-<condition>`; or `action` = new-link to email a new evidence link.',
  },
  'GET /app/grants/{grantId}/plan': {
    summary: "The grant's plan as a task list (conditions, tranches, reporting), then check and send (the lead's admins).",
    path: idsPath('grantId'),
  },
  'POST /app/grants/{grantId}/plan': {
    summary: "A question of the grant's plan, or sending the whole plan through the same use case as POST /grants/{grantId}/plan.",
    status: 303,
    path: idsPath('grantId'),
    form: "`csrf`, `page` (conditions, tranches, reporting, check), `do` (add, continue, remove-<n>) and the question's fields.",
  },
  'GET /app/grants/{grantId}/payments/new': {
    summary: 'Record a payment on the grant: a question page, check your answers and a confirmation.',
    path: idsPath('grantId'),
  },
  'POST /app/grants/{grantId}/payments/new': {
    summary: 'Record a payment on the grant, through the same schema and use case as POST /grants/{grantId}/payments.',
    status: 303,
    path: idsPath('grantId'),
    form: '`csrf`, `page` (a question, or check) and the fields of the question.',
  },
  'GET /app/grants/{grantId}/returns/new': {
    summary: 'Record money the provider returned: a question page, check your answers and a confirmation.',
    path: idsPath('grantId'),
  },
  'POST /app/grants/{grantId}/returns/new': {
    summary: 'Record money the provider returned, through the same schema and use case as POST /grants/{grantId}/returns.',
    status: 303,
    path: idsPath('grantId'),
    form: '`csrf`, `page` (a question, or check) and the fields of the question.',
  },
  'GET /app/grants/{grantId}/amendments/new': {
    summary: 'Amend the grant (amount, dates or a condition): a question page, check your answers and a confirmation.',
    path: idsPath('grantId'),
  },
  'POST /app/grants/{grantId}/amendments/new': {
    summary: 'Amend the grant (amount, dates or a condition), through the same schema and use case as POST /grants/{grantId}/amendments.',
    status: 303,
    path: idsPath('grantId'),
    form: '`csrf`, `page` (a question, or check) and the fields of the question.',
  },
  'GET /app/grants/{grantId}/status': {
    summary: 'Change the status of the grant: a question page, check your answers and a confirmation.',
    path: idsPath('grantId'),
  },
  'POST /app/grants/{grantId}/status': {
    summary: 'Change the status of the grant, through the same schema and use case as POST /grants/{grantId}/status.',
    status: 303,
    path: idsPath('grantId'),
    form: '`csrf`, `page` (a question, or check) and the fields of the question.',
  },
});
