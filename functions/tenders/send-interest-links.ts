import { mailer } from '../../shared/platform/aws/mail';
import { tendersTable } from '../../shared/tenders/aws';
import { sendInterestLinks } from '../../shared/tenders/providers';
import { eventOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

const interestRegistered = eventOf('tender.interest-registered', { tenderId: z.string(), interestId: z.string() });

export const handler = taskHandler(interestRegistered, (event) => sendInterestLinks({ ...tendersTable, mailer }, event.detail.data));
