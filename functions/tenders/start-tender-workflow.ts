import { workflows } from '../../shared/platform/aws/workflows';
import { tendersEvents } from '../../shared/tenders/events';
import { startTenderWorkflow } from '../../shared/tenders/steps';
import { eventOf, taskHandler } from '../lib/task';

/** tender.submitted-for-sign-off → the tender workflow, named after the tender and its sign-off attempt. */
export const handler = taskHandler(eventOf(tendersEvents, 'tender.submitted-for-sign-off'), (event) =>
  startTenderWorkflow({ workflows }, { tenderId: event.detail.data.tenderId, attempt: event.detail.data.attempt }),
);
