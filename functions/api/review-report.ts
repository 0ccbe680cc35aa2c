import { review } from '../../shared/app/reports';
import { deps } from '../lib/deps';
import { jsonBody, parse, staffRoute } from '../lib/http';
import { reportIdPath, reportReview } from '../lib/schemas';

export const handler = staffRoute(async (event, caller) => {
  const { reportId } = parse(reportIdPath, event.pathParameters ?? {}, 'path');
  return { status: 202, body: await review(deps, caller, reportId, parse(reportReview, jsonBody(event), 'body')) };
});
