import { mailer } from '../../shared/platform/aws/mail';
import { tendersTable } from '../../shared/tenders/aws';
import { registerInterest } from '../../shared/tenders/providers';
import { jsonBody, parse, publicRoute } from '../lib/http';
import { tenderIdPath } from './paths';
import { providerBody } from './schemas';

/** POST /tenders/{tenderId}/interest: no account; the provider gets its links by email. */
export const handler = publicRoute(async (event) => {
  const { tenderId } = parse(tenderIdPath, event.pathParameters ?? {}, 'path');
  return { status: 202, body: await registerInterest({ ...tendersTable, mailer }, tenderId, parse(providerBody, jsonBody(event), 'body')) };
});
