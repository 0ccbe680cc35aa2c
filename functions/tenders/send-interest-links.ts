import { mailer } from '../../shared/platform/aws/mail';
import { tendersTable } from '../../shared/tenders/aws';
import { tendersEvents } from '../../shared/tenders/events';
import { sendInterestLinks } from '../../shared/tenders/providers';
import { eventOf, taskHandler } from '../lib/task';

const interestRegistered = eventOf(tendersEvents, 'tender.interest-registered');

export const handler = taskHandler(interestRegistered, (event) => {
  const { tenderId, interestId } = event.detail.data;
  return sendInterestLinks({ ...tendersTable, mailer }, { tenderId, interestId });
});
