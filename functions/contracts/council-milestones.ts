import { contractsTable } from '../../shared/contracts/aws';
import { councilMilestones, milestonesCsv } from '../../shared/contracts/exports';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { parse } from '../lib/http';
import { formatQuery } from '../lib/schemas';
import { orgIdPath } from './paths';
import type * as views from './views';

/** GET /councils/{orgId}/milestones[?format=csv]: every milestone of the council's contracts, with its RAG now. */
export const handler = staffRoute(async (event, caller) => {
  const { orgId } = parse(orgIdPath, event.pathParameters ?? {}, 'path');
  const { format } = parse(formatQuery, event.queryStringParameters ?? {}, 'query');
  const view = await councilMilestones(contractsTable, caller, orgId);
  return format === 'csv'
    ? { body: milestonesCsv(view), contentType: 'text/csv; charset=utf-8', filename: `milestones-${orgId}.csv` }
    : { body: view satisfies View<typeof views.councilMilestones> };
});
