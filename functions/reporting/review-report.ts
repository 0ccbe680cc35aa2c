import { workflows } from '../../shared/platform/aws/workflows';
import { reportingTable } from '../../shared/reporting/aws';
import { review } from '../../shared/reporting/review';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { reportIdPath, reportReview } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { reportId } = parse(reportIdPath, event.pathParameters ?? {}, 'path');
  return {
    status: 202,
    body: (await review({ ...reportingTable, workflows }, caller, reportId, parse(reportReview, jsonBody(event), 'body'))) satisfies View<
      typeof views.reviewed
    >,
  };
});
