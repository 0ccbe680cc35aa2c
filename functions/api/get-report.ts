import { reportDetail } from '../../shared/app/reports';
import { deps } from '../lib/deps';
import { parse, staffRoute } from '../lib/http';
import { reportIdPath } from '../lib/schemas';

export const handler = staffRoute(async (event, caller) => {
  const { reportId } = parse(reportIdPath, event.pathParameters ?? {}, 'path');
  return { body: await reportDetail(deps, caller, reportId) };
});
