import { contractsTable } from '../../shared/contracts/aws';
import { contractFromAward } from '../../shared/contracts/from-tender';
import { regimes } from '../../shared/tenders/regime';
import { eventOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

// What tender.lot-awarded carries (shared/tenders/lot-awarded.ts): the contract is built from it alone.
const lotAwarded = eventOf('tender.lot-awarded', {
  tenderId: z.string(),
  lot: z.object({ id: z.string(), title: z.string() }),
  price: z.int(),
  winner: z.object({ interestId: z.string(), orgId: z.string(), name: z.string(), email: z.string(), identifier: z.optional(z.string()) }),
  grantId: z.string(),
  poolId: z.string(),
  buyerOrgId: z.string(),
  title: z.string(),
  description: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  regime: z.optional(z.enum(regimes)),
});

export const handler = taskHandler(lotAwarded, (event) => contractFromAward(contractsTable, event.detail.data));
