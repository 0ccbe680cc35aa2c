import { reportingTable } from '../../shared/reporting/aws';
import { reportsByStatus } from '../../shared/reporting/views';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { parse } from '../lib/http';
import { consortiumIdPath, reportStatusQuery } from './schemas';
import type * as views from './views';

/** What is overdue (or any other status) across a consortium's grants, from an index, exactly. */
export const handler = staffRoute(async (event, caller) => {
  const { consortiumId } = parse(consortiumIdPath, event.pathParameters ?? {}, 'path');
  const { status } = parse(reportStatusQuery, event.queryStringParameters ?? {}, 'query');
  return { body: (await reportsByStatus(reportingTable, caller, consortiumId, status)) satisfies View<typeof views.reportsByStatus> };
});
