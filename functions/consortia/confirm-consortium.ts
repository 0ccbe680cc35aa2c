import { consortiaTable } from '../../shared/consortia/aws';
import { confirmConsortium } from '../../shared/consortia/consortia';
import { workflows } from '../../shared/platform/aws/workflows';
import type { View } from '../lib/api';
import { parse } from '../lib/http';
import { consortiumIdPath } from './schemas';
import { staffRoute } from './staff';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { consortiumId } = parse(consortiumIdPath, event.pathParameters ?? {}, 'path');
  return {
    status: 202,
    body: (await confirmConsortium({ ...consortiaTable, workflows }, caller, consortiumId)) satisfies View<typeof views.confirmed>,
  };
});
