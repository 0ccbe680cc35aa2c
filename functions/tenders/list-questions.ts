import { mailer } from '../../shared/platform/aws/mail';
import { tendersTable } from '../../shared/tenders/aws';
import { listQuestions } from '../../shared/tenders/providers';
import { staffRoute } from '../consortia/staff';
import { parse } from '../lib/http';
import { tenderIdPath } from './schemas';

export const handler = staffRoute(async (event, caller) => {
  const { tenderId } = parse(tenderIdPath, event.pathParameters ?? {}, 'path');
  return { body: await listQuestions({ ...tendersTable, mailer }, caller, tenderId) };
});
