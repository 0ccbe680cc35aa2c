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

export const grantsApi = defineApi({
  'GET /grants/{grantId}': {
    summary: 'A grant: plan, conditions, tranches, reports and amendments.',
    path: grantIdPath,
    response: 'The grant with its plan, conditions, tranches (pence), reports and amendments.',
  },
  'POST /grants/{grantId}/plan': {
    summary: "A grant's plan: conditions, tranches and reporting (the lead).",
    status: 201,
    path: grantIdPath,
    body: grantPlan,
    response: 'The plan as set, with the reports it schedules.',
  },
  'POST /grants/{grantId}/conditions/{conditionId}/decision': {
    summary: 'Decides a condition: met, waived or not met (with a reason).',
    path: conditionPath,
    body: conditionDecision,
    response: 'The condition as decided.',
  },
  'POST /grants/{grantId}/amendments': {
    summary: "Amends a grant's amount, dates or conditions, with a reason.",
    status: 201,
    path: grantIdPath,
    body: amendment,
    response: 'The amendment as recorded.',
  },
  'POST /grants/{grantId}/status': {
    summary: 'Suspends, resumes, ends or closes a grant, with a reason.',
    path: grantIdPath,
    body: grantStatusChange,
    response: 'The grant with its new status.',
  },
  'PUT /consortia/{consortiumId}/reporting-policy': {
    summary: "The consortium's reporting policy, proportionate to grant size (the lead).",
    path: consortiumIdPath,
    body: reportingPolicy,
    response: 'The policy as set.',
  },
  'GET /app/grants/{grantId}': { summary: 'A grant page with the decide forms and audit trail.', path: idsPath('grantId') },
  'POST /app/grants/{grantId}': {
    summary: "The grant page's condition decision form.",
    status: 303,
    path: idsPath('grantId'),
    form: '`csrf`, `condition` (C1…), `outcome-<condition>` (met, waived, not-met) and `reason-<condition>`.',
  },
});
