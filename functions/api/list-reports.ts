import { reportsByStatus } from '../../shared/app/reports';
import { deps } from '../lib/deps';
import { parse, staffRoute } from '../lib/http';
import { consortiumIdPath, reportStatusQuery } from '../lib/schemas';

/** What is overdue (or any other status) across a consortium's grants, from an index, exactly. */
export const handler = staffRoute(async (event, caller) => {
  const { consortiumId } = parse(consortiumIdPath, event.pathParameters ?? {}, 'path');
  const { status } = parse(reportStatusQuery, event.queryStringParameters ?? {}, 'query');
  return { body: await reportsByStatus(deps, caller, consortiumId, status) };
});
