import { tendersTable } from '../../shared/tenders/aws';
import { evaluationView } from '../../shared/tenders/evaluation';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { parse } from '../lib/http';
import { tenderIdPath } from './paths';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { tenderId } = parse(tenderIdPath, event.pathParameters ?? {}, 'path');
  return { body: (await evaluationView(tendersTable, caller, tenderId)) satisfies View<typeof views.evaluation> };
});
