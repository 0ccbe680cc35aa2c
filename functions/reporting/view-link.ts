import { reportingTable } from '../../shared/reporting/aws';
import { providerLinks } from '../../shared/reporting/links';
import { linkRoute } from '../lib/link-route';
import { providerForms } from './link-forms';

/** GET /r/{token}: shows the form. Never consumes the link (mail scanners prefetch links). */
export const handler = linkRoute((token: string) => providerLinks.view(reportingTable, token), providerForms);
