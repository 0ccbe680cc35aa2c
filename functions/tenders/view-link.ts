import { tendersTable } from '../../shared/tenders/aws';
import { tenderLinks } from '../../shared/tenders/links';
import { linkRoute } from '../lib/link-route';
import { tenderForms } from './link-forms';

/** GET /b/{token}: the bid or question form. Never consumes the link (mail scanners prefetch links). */
export const handler = linkRoute((token: string) => tenderLinks.view(tendersTable, token), tenderForms);
