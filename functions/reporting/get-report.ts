import { reportingTable } from '../../shared/reporting/aws';
import { reportDetail } from '../../shared/reporting/views';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { parse } from '../lib/http';
import { reportIdPath } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { reportId } = parse(reportIdPath, event.pathParameters ?? {}, 'path');
  return { body: (await reportDetail(reportingTable, caller, reportId)) satisfies View<typeof views.reportDetail> };
});
