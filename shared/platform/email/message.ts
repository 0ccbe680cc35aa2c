import type { Email } from '../ports';
import { renderHtml } from './html';
import type { EmailMessage } from './shape';
import { renderText } from './text';

// What email builders import: the message's shape (shape.ts) and composeEmail.
export type { Action, Block, Contact, EmailMessage } from './shape';

/** Every email grantloop sends: both parts from one message. */
export function composeEmail(m: EmailMessage): Email {
  return { to: m.to, subject: m.subject, text: renderText(m), html: renderHtml(m) };
}
