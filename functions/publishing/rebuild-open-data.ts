import { rebuildTable } from '../../shared/publishing/aws-rebuild';
import { rebuildConsortia } from '../../shared/publishing/rebuild-consortia';
import { taskHandler } from '../lib/task';
import * as z from '../lib/zod';
import { consortiumDocuments } from './consortium-documents';

/** Only the subject: which records changed is read from the table, so no producer's payload is relied on. */
const anEvent = z.object({ detail: z.object({ subject: z.string(), type: z.string() }) });

export const handler = taskHandler(anEvent, (event) =>
  rebuildConsortia(rebuildTable, event.detail.subject, consortiumDocuments(rebuildTable)),
);
