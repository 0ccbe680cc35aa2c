import { contractsTable } from '../../shared/contracts/aws';
import { contractLinks } from '../../shared/contracts/links';
import { linkRoute } from '../lib/link-route';
import { contractForms } from './link-forms';

/** GET /m/{token}: a milestone's evidence form. Never consumes the link (mail scanners prefetch links). */
export const handler = linkRoute((token: string) => contractLinks.view(contractsTable, token), contractForms);
