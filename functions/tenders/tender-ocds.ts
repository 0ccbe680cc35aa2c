import { config } from '../../shared/platform/config';
import { tendersTable } from '../../shared/tenders/aws';
import { tenderOcds } from '../../shared/tenders/ocds';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { parse } from '../lib/http';
import { ocdsQuery, tenderIdPath } from './paths';
import type * as views from './views';

/** GET /tenders/{tenderId}/ocds[?package=release]: the tender as OCDS (a record package unless asked for releases). */
export const handler = staffRoute(async (event, caller) => {
  const { tenderId } = parse(tenderIdPath, event.pathParameters ?? {}, 'path');
  const { package: kind } = parse(ocdsQuery, event.queryStringParameters ?? {}, 'query');
  const scheme = event.headers['x-forwarded-proto'] ?? 'http';
  const uri = `${scheme}://${event.requestContext.domainName}${event.rawPath}${kind === 'release' ? '?package=release' : ''}`;
  return {
    body: (await tenderOcds(tendersTable, caller, { tenderId, prefix: config.ocidPrefix(), kind: kind ?? 'record', uri })) satisfies View<
      typeof views.ocdsPackage
    >,
  };
});
