import { mailer } from '../../shared/platform/aws/mail';
import { tendersTable } from '../../shared/tenders/aws';
import { tellLeadOfQuestion } from '../../shared/tenders/question-mail';
import { eventOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

const questionAsked = eventOf('tender.question-asked', { tenderId: z.string(), questionId: z.string() });

export const handler = taskHandler(questionAsked, (event) => tellLeadOfQuestion({ ...tendersTable, mailer }, event.detail.data));
