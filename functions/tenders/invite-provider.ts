import { mailer } from '../../shared/platform/aws/mail';
import { tendersTable } from '../../shared/tenders/aws';
import { inviteProvider } from '../../shared/tenders/providers';
import { staffRoute } from '../consortia/staff';
import { jsonBody, parse } from '../lib/http';
import { tenderIdPath } from './paths';
import { providerBody } from './schemas';

export const handler = staffRoute(async (event, caller) => {
  const { tenderId } = parse(tenderIdPath, event.pathParameters ?? {}, 'path');
  return {
    status: 201,
    body: await inviteProvider({ ...tendersTable, mailer }, caller, tenderId, parse(providerBody, jsonBody(event), 'body')),
  };
});
