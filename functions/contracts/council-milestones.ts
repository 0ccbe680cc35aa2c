import { contractsTable } from '../../shared/contracts/aws';
import { councilMilestones, milestonesCsv } from '../../shared/contracts/exports';
import { staffViewOrCsv } from '../consortia/staff';
import type { View } from '../lib/api';
import { orgIdPath } from './paths';
import type * as views from './views';

/** GET /councils/{orgId}/milestones[?format=csv]: every milestone of the council's contracts, with its RAG now. */
export const handler = staffViewOrCsv(
  { path: orgIdPath, csv: milestonesCsv, filename: ({ orgId }) => `milestones-${orgId}.csv` },
  async (caller, { orgId }) => (await councilMilestones(contractsTable, caller, orgId)) satisfies View<typeof views.councilMilestones>,
);
