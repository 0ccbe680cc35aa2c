import { mailer } from '../../shared/platform/aws/mail';
import { tendersTable } from '../../shared/tenders/aws';
import { registerInterest } from '../../shared/tenders/providers';
import type { View } from '../lib/api';
import { jsonBody, parse, publicRoute } from '../lib/http';
import { tenderIdPath } from './paths';
import { providerBody } from './schemas';
import type * as views from './views';

/** POST /tenders/{tenderId}/interest: no account; the provider gets its links by email. */
export const handler = publicRoute(async (event) => {
  const { tenderId } = parse(tenderIdPath, event.pathParameters ?? {}, 'path');
  return {
    status: 202,
    body: (await registerInterest({ ...tendersTable, mailer }, tenderId, parse(providerBody, jsonBody(event), 'body'))) satisfies View<
      typeof views.interest
    >,
  };
});
