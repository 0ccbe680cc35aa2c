import { grantsTable } from '../../shared/grants/aws';
import { setReportingPolicy } from '../../shared/grants/reporting-policy';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { consortiumIdPath, reportingPolicy } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { consortiumId } = parse(consortiumIdPath, event.pathParameters ?? {}, 'path');
  return {
    body: (await setReportingPolicy(grantsTable, caller, consortiumId, parse(reportingPolicy, jsonBody(event), 'body'))) satisfies View<
      typeof views.policySet
    >,
  };
});
