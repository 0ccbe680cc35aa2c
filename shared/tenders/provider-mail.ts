import { type Block, type Contact, composeEmail, type EmailMessage } from '../platform/email/message';
import { dayInWords, pounds, timeInWords } from '../platform/format';
import type { Email } from '../platform/ports';
import type { Interest } from './store';
import type { Tender } from './tender';

/**
 * The emails a provider gets about a tender, from the buyer (the lead funder), whom it asks
 * when a link stops working. Bid and question links each work once (a fresh one comes with every
 * receipt) and only until their deadline, whatever the link record's own expiry (bid links live
 * on past the deadline only to tell a late bidder why it is refused).
 */

type To = Pick<Interest, 'orgName' | 'email'>;

/** Every provider email: to the address it registered, greeting its organisation, from the buyer. */
const toProvider = (to: To, buyer: Contact): Pick<EmailMessage, 'to' | 'greeting' | 'sender' | 'questions'> => ({
  to: [to.email],
  greeting: to.orgName,
  sender: buyer.name,
  questions: buyer,
});

const tokenLink = (label: string, url: string, until: string, buyer: Contact) => ({
  label,
  url,
  expires: { at: until, once: true, ask: buyer },
});

/** Published or invited: what is tendered (each lot and its value), the documents, and the links to bid and to ask. */
export function tenderInvitationEmail(
  tender: Pick<Tender, 'title' | 'description' | 'lots' | 'documents' | 'dates'>,
  to: To,
  buyer: Contact,
  links: { bid: string; question: string },
): Email {
  const documents: Block[] = tender.documents.length
    ? ['The specification and the tender documents:', ...tender.documents.map((d) => ({ link: { label: d.title, url: d.url } }))]
    : [];
  return composeEmail({
    subject: `${tender.title}: your links to bid and to ask questions`,
    body: [
      `${buyer.name} has published "${tender.title}".`,
      tender.description,
      {
        facts: tender.lots.map((l): [string, string] => [`${l.title} (${l.scope.label})`, pounds(l.value)]),
        caption: 'The lots and their values',
      },
      ...documents,
      `Bids are due by ${timeInWords(tender.dates.submissionDeadline)}. No account is needed.`,
    ],
    action: tokenLink('Bid for this tender', links.bid, tender.dates.submissionDeadline, buyer),
    after: [
      `You can ask a question by ${timeInWords(tender.dates.clarificationDeadline)}:`,
      { link: { label: 'Ask a question', url: links.question } },
      'Each link works once: after you send a bid or a question we email you a fresh one, so you can replace your bid until the deadline. ' +
        'Answers to every question are sent to all providers, without saying who asked.',
    ],
    ...toProvider(to, buyer),
  });
}

/** The receipt for a bid, with a fresh link to replace it until the deadline. */
export function bidReceiptEmail(
  tender: Pick<Tender, 'title' | 'lots' | 'dates'>,
  to: To,
  buyer: Contact,
  bid: { submittedAt: string; revision: number; lots: { lotId: string; price: number }[] },
  link: string,
): Email {
  return composeEmail({
    subject: `${tender.title}: we have your bid`,
    body: [
      `We received your bid at ${timeInWords(bid.submittedAt)}${bid.revision > 1 ? ' (it replaces your earlier bid)' : ''}:`,
      { facts: bid.lots.map((l): [string, string] => [tender.lots.find((x) => x.id === l.lotId)?.title ?? l.lotId, pounds(l.price)]) },
      `Bids stay sealed until the deadline, ${timeInWords(tender.dates.submissionDeadline)}. Until then you can replace yours.`,
    ],
    action: tokenLink('Replace your bid', link, tender.dates.submissionDeadline, buyer),
    ...toProvider(to, buyer),
  });
}

/** The receipt for a question, with a fresh link to ask another until questions close. */
export function questionReceiptEmail(
  tender: Pick<Tender, 'title' | 'dates'>,
  to: To,
  buyer: Contact,
  question: string,
  link: string,
): Email {
  return composeEmail({
    subject: `${tender.title}: we have your question`,
    body: [
      'We received your question:',
      { quote: question },
      'The answer will be sent to every provider who registered interest, without saying who asked.',
    ],
    action: tokenLink('Ask another question', link, tender.dates.clarificationDeadline, buyer),
    ...toProvider(to, buyer),
  });
}

/** An answer, sent to every registered provider; nobody learns who asked. */
export function clarificationEmail(tender: Pick<Tender, 'title'>, to: To, buyer: Contact, q: { question: string; answer: string }): Email {
  return composeEmail({
    subject: `${tender.title}: a clarification`,
    body: [
      'A provider asked:',
      { quote: q.question },
      `${buyer.name} answers:`,
      { quote: q.answer },
      'Every provider who registered interest gets this answer.',
    ],
    ...toProvider(to, buyer),
  });
}

export function tenderCancelledEmail(tender: Pick<Tender, 'title'>, to: To, buyer: Contact, reason: string): Email {
  return composeEmail({
    subject: `${tender.title}: cancelled`,
    body: [`"${tender.title}" has been cancelled: ${reason}. Thank you for your interest.`],
    ...toProvider(to, buyer),
  });
}

/** To each bidder: the award notice is out, and the standstill's dates. */
export function awardNoticeEmail(
  tender: Pick<Tender, 'title'>,
  to: To,
  buyer: Contact,
  notice: { publishedAt: string; workingDays: number; why: string; startsOn: string; endsOn: string },
): Email {
  return composeEmail({
    subject: `${tender.title}: contract award notice published`,
    body: [
      `The contract award notice for "${tender.title}" was published on ${dayInWords(notice.publishedAt)}. ` +
        `A standstill period of ${notice.workingDays} working days, which ${notice.why}, runs from ${dayInWords(notice.startsOn)} to the end of ${dayInWords(notice.endsOn)}. ` +
        'No contract is entered into before then; a challenge made during it pauses the award of that lot.',
      'Your assessment summary, sent before the notice, has your scores and the reasons.',
    ],
    ...toProvider(to, buyer),
  });
}
