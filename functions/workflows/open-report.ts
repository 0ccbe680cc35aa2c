import { z } from 'zod';
import { openReport } from '../../shared/app/reports';
import { deps } from '../lib/deps';
import { taskHandler } from '../lib/task';

export const handler = taskHandler(z.object({ reportId: z.string() }), (input) => openReport(deps, input));
