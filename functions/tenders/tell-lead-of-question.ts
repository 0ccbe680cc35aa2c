import { mailer } from '../../shared/platform/aws/mail';
import { tendersTable } from '../../shared/tenders/aws';
import { tendersEvents } from '../../shared/tenders/events';
import { tellLeadOfQuestion } from '../../shared/tenders/question-mail';
import { eventOf, taskHandler } from '../lib/task';

const questionAsked = eventOf(tendersEvents, 'tender.question-asked');

export const handler = taskHandler(questionAsked, (event) => tellLeadOfQuestion({ ...tendersTable, mailer }, event.detail.data));
