import { setReportingPolicy } from '../../shared/app/consortia';
import { deps } from '../lib/deps';
import { jsonBody, parse, staffRoute } from '../lib/http';
import { consortiumIdPath, reportingPolicy } from '../lib/schemas';

export const handler = staffRoute(async (event, caller) => {
  const { consortiumId } = parse(consortiumIdPath, event.pathParameters ?? {}, 'path');
  return { body: await setReportingPolicy(deps, caller, consortiumId, parse(reportingPolicy, jsonBody(event), 'body')) };
});
