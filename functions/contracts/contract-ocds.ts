import { contractsTable } from '../../shared/contracts/aws';
import { contractOcds } from '../../shared/contracts/exports';
import { config } from '../../shared/platform/config';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { parse } from '../lib/http';
import { contractIdPath } from './paths';
import type * as views from './views';

/** GET /contracts/{contractId}/ocds: the contract's implementation (milestones, KPI ratings, amendments) as an OCDS release package. */
export const handler = staffRoute(async (event, caller) => {
  const { contractId } = parse(contractIdPath, event.pathParameters ?? {}, 'path');
  const uri = `${event.headers['x-forwarded-proto'] ?? 'http'}://${event.requestContext.domainName}${event.rawPath}`;
  return {
    body: (await contractOcds(contractsTable, caller, contractId, { prefix: config.ocidPrefix(), uri })) satisfies View<
      typeof views.ocdsPackage
    >,
  };
});
