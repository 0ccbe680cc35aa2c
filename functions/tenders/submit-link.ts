import { mailer } from '../../shared/platform/aws/mail';
import { tendersTable } from '../../shared/tenders/aws';
import { tenderLinks } from '../../shared/tenders/links';
import { linkRoute } from '../lib/link-route';
import { tenderForms } from './link-forms';

/** POST /b/{token}: records a bid (or replaces one, until the deadline) or a question, consuming the link. */
export const handler = linkRoute(
  (token: string, form: Record<string, string>) => tenderLinks.post({ ...tendersTable, mailer }, token, form),
  tenderForms,
);
