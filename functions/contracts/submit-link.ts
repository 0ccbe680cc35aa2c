import { contractsTable } from '../../shared/contracts/aws';
import { contractLinks } from '../../shared/contracts/links';
import { linkRoute } from '../lib/link-route';
import { contractForms } from './link-forms';

/** POST /m/{token}: a milestone's evidence, consuming the link. */
export const handler = linkRoute(
  (token: string, form: Record<string, string>) => contractLinks.post(contractsTable, token, form),
  contractForms,
);
