import { reportingTable } from '../../shared/reporting/aws';
import { sendNewReportLink } from '../../shared/reporting/report-new-link';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { parse } from '../lib/http';
import { reportIdPath } from './schemas';
import type * as views from './views';

/** A new report link for the provider (emailed by the event's follower); every earlier link of the report stops working. */
export const handler = staffRoute(async (event, caller) => {
  const { reportId } = parse(reportIdPath, event.pathParameters ?? {}, 'path');
  return { status: 201, body: (await sendNewReportLink(reportingTable, caller, reportId)) satisfies View<typeof views.linkSent> };
});
