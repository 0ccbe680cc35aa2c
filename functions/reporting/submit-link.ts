import { workflows } from '../../shared/platform/aws/workflows';
import { reportingTable } from '../../shared/reporting/aws';
import { providerLinks } from '../../shared/reporting/links';
import { linkRoute } from '../lib/link-route';
import { providerForms } from './link-forms';

/** POST /r/{token}: saves a draft, or submits and consumes the link in one transaction. */
export const handler = linkRoute(
  (token: string, form: Record<string, string>) => providerLinks.post({ ...reportingTable, workflows }, token, form),
  providerForms,
);
