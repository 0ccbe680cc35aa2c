import { mailer } from '../../shared/platform/aws/mail';
import { tendersTable } from '../../shared/tenders/aws';
import { tellProvidersOfAnswer } from '../../shared/tenders/providers';
import { eventOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

const questionAnswered = eventOf('tender.question-answered', { tenderId: z.string(), questionId: z.string() });

export const handler = taskHandler(questionAnswered, (event) => tellProvidersOfAnswer({ ...tendersTable, mailer }, event.detail.data));
