import { staffPage } from '../consortia/web-sessions';
import { byRoute } from '../lib/web/page-route';
import { addMilestonesPage, amendContractPage } from './amend-journeys';
import { contractPolicyPage } from './policy-page';
import { registerContractPage } from './register-journey';
import { contractStatusPage } from './status-journey';

/**
 * A council's contract journeys (registering one as a task list; milestones and KPIs added, an
 * amendment, a change of status) and its policy, apart from the contract pages: together they
 * passed 400 KB.
 */
export const handler = staffPage(
  byRoute({
    '/app/councils/{orgId}/contracts/new': registerContractPage,
    '/app/councils/{orgId}/contract-policy': contractPolicyPage,
    '/app/contracts/{contractId}/milestones/new': addMilestonesPage,
    '/app/contracts/{contractId}/amendments/new': amendContractPage,
    '/app/contracts/{contractId}/status': contractStatusPage,
  }),
);
