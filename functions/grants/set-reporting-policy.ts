import { grantsTable } from '../../shared/grants/aws';
import { setReportingPolicy } from '../../shared/grants/reporting-policy';
import { staffRoute } from '../consortia/staff';
import { jsonBody, parse } from '../lib/http';
import { consortiumIdPath, reportingPolicy } from './schemas';

export const handler = staffRoute(async (event, caller) => {
  const { consortiumId } = parse(consortiumIdPath, event.pathParameters ?? {}, 'path');
  return { body: await setReportingPolicy(grantsTable, caller, consortiumId, parse(reportingPolicy, jsonBody(event), 'body')) };
});
