import { workflows } from '../../shared/platform/aws/workflows';
import { reportingTable } from '../../shared/reporting/aws';
import { review } from '../../shared/reporting/review';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { reportIdPath, reportReview } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: reportIdPath, body: reportReview, status: 202 },
  async (caller, { reportId }, input) =>
    (await review({ ...reportingTable, workflows }, caller, reportId, input)) satisfies View<typeof views.reviewed>,
);
