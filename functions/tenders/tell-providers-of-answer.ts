import { mailer } from '../../shared/platform/aws/mail';
import { tendersTable } from '../../shared/tenders/aws';
import { tendersEvents } from '../../shared/tenders/events';
import { tellProvidersOfAnswer } from '../../shared/tenders/providers';
import { eventOf, taskHandler } from '../lib/task';

const questionAnswered = eventOf(tendersEvents, 'tender.question-answered');

export const handler = taskHandler(questionAnswered, (event) => tellProvidersOfAnswer({ ...tendersTable, mailer }, event.detail.data));
