import { consortiaTable } from '../../shared/consortia/aws';
import { confirmConsortium } from '../../shared/consortia/consortia';
import { workflows } from '../../shared/platform/aws/workflows';
import { parse } from '../lib/http';
import { consortiumIdPath } from './schemas';
import { staffRoute } from './staff';

export const handler = staffRoute(async (event, caller) => {
  const { consortiumId } = parse(consortiumIdPath, event.pathParameters ?? {}, 'path');
  return { status: 202, body: await confirmConsortium({ ...consortiaTable, workflows }, caller, consortiumId) };
});
