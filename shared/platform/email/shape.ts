import { timeInWords } from '../format';

/**
 * One email, said once: what a builder gives, and from which both the plain-text and the HTML
 * parts are rendered (composeEmail), so the two never differ in what they say, and every email
 * has the same shape: a greeting, what happened, at most one thing to do, when its link stops
 * working, and who sent it, under grantloop's name. The shape and the lines both parts share
 * live here, apart from `composeEmail` (message.ts), so the renderers need not import it.
 */

/** Someone to ask: an organisation and its address (empty where none is known). */
export interface Contact {
  name: string;
  email: string;
}

/** "Wyvernshire County Council (grants@…)", or the name alone where no address is known. */
const named = (c: Contact, open = ' (', close = ')') => (c.email ? `${c.name}${open}${c.email}${close}` : c.name);

/** A paragraph; a newline inside it is a line break. */
type Paragraph = string;

export type Block =
  | Paragraph
  | { heading: string }
  /** Words written by someone else (a condition, a comment, a question), set apart. */
  | { quote: string }
  | { list: string[] }
  /** Label and value pairs, such as lots and their values: a two-column table in HTML. */
  | { facts: [label: string, value: string][]; caption?: string }
  /** A table with a header row; each row starts with its own header cell, and a cell may carry a list. */
  | { table: { head: string[]; rows: { header: string; cells: { text: string; list?: string[] }[] }[] } }
  /** A link that is not the call to action (the specification, another form). */
  | { link: { label: string; url: string } };

/** The one thing the email asks the reader to do. */
export interface Action {
  /** The button's words: "Fill in the report", "Vote on the round". */
  label: string;
  url: string;
  /**
   * An emailed link that carries a token: until when it works and whom to ask for a new one.
   * Staff page links have none (they need signing in, not a token).
   */
  expires?: { at: string; ask: Contact; once?: boolean };
}

export interface EmailMessage {
  to: string[];
  subject: string;
  /** The name the greeting uses ("Hello Ashford Youth Trust,"); staff emails say "Hello,". */
  greeting?: string | undefined;
  /** What the email says before its call to action. */
  body: Block[];
  action?: Action | undefined;
  /** What it says after the call to action (what happens next). */
  after?: Block[] | undefined;
  /** Whom grantloop sends it for, as the footer names it: "the Wyvernshire Consortium (Wyvernshire)". */
  sender: string;
  /** Whom to ask about it, in the footer. */
  questions?: Contact | undefined;
  /** A last footer line, such as why the reader gets it. */
  why?: string | undefined;
}

/** "This link works until 5pm on 11 December 2026. If it stops working, ask X (x@y) for a new one." */
export function expiryNote(expires: NonNullable<Action['expires']>): string {
  return (
    `This link works ${expires.once ? 'once, ' : ''}until ${timeInWords(expires.at)}. ` +
    `If it stops working, ask ${named(expires.ask)} for a new one.`
  );
}

/** A token link is for one organisation: said wherever one is sent, never where none is. */
const PERSONAL_LINK = 'The link is personal to your organisation: please do not forward it.';

/** The footer's lines, the same in both parts. */
export function footerLines(m: EmailMessage): string[] {
  return [
    `Sent by grantloop for ${m.sender}.`,
    ...(m.questions ? [`Questions: ${named(m.questions, ', ', '')}.`] : []),
    ...(m.action?.expires ? [PERSONAL_LINK] : []),
    ...(m.why ? [m.why] : []),
  ];
}

export const greetingLine = (m: EmailMessage) => (m.greeting ? `Hello ${m.greeting},` : 'Hello,');
