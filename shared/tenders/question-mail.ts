import { roleAtLeast } from '../consortia/organisation';
import type { User } from '../consortia/store';
import { composeEmail } from '../platform/email/message';
import { timeInWords } from '../platform/format';
import { staffPageUrl, staffPaths } from '../platform/pages';
import type { Email } from '../platform/ports';
import { sendOnce } from '../platform/send-once';
import type { TendersDeps } from './store';
import type { Tender } from './tender';
import { loadTender } from './tenders';

/**
 * A clarification question arrived (tender.question-asked): each officer and admin of the lead,
 * the people answerQuestion lets answer, is emailed once with the question and where to answer
 * it. The asker is not named, as on the page.
 */
export async function tellLeadOfQuestion(
  deps: Pick<TendersDeps, 'platform' | 'consortia' | 'tenders' | 'clock' | 'mailer'>,
  input: { tenderId: string; questionId: string },
) {
  const { tender, consortium } = await loadTender(deps, input.tenderId);
  const question = (await deps.tenders.listQuestions(tender.id)).find((q) => q.id === input.questionId);
  // Answered, or the tender closed, before the event arrived: nothing is waiting on anyone.
  if (!question || question.answer || tender.status !== 'published') return { staffTold: 0 };
  const officers = (await deps.consortia.listOrganisationMembers(consortium.leadOrgId)).filter((m) => roleAtLeast(m.role, 'officer'));
  const url = staffPageUrl(staffPaths.tenderClarifications(tender.id));
  let sent = 0;
  for (const m of officers) {
    const user = await deps.consortia.getUser(m.userId);
    if (!user) continue;
    const email = questionArrivedEmail({ user, tender, question: question.question, consortiumName: consortium.name, url });
    if (await sendOnce(deps, `${tender.id}#question-arrived#${question.id}#${user.id}`, email)) sent++;
  }
  return { staffTold: sent };
}

/** The email to one of the lead's staff: the question, when bids close, and the page where it is answered. */
export function questionArrivedEmail(p: {
  user: Pick<User, 'name' | 'email'>;
  tender: Pick<Tender, 'title' | 'dates'>;
  question: string;
  consortiumName: string;
  url: string;
}): Email {
  const { title, dates } = p.tender;
  return composeEmail({
    to: [p.user.email],
    subject: `${p.consortiumName}: a clarification question on "${title}"`,
    greeting: p.user.name,
    body: [`A provider has asked a clarification question about "${title}":`, { quote: p.question }],
    action: { label: 'Answer the question', url: p.url },
    after: [
      'Your answer is sent to every provider who registered interest, without saying who asked, and cannot be changed once sent. ' +
        `Bids are due by ${timeInWords(dates.submissionDeadline)}, so the sooner providers have it the better.`,
    ],
    sender: `the ${p.consortiumName} consortium`,
    why: 'You are sent this as an officer or admin of its lead.',
  });
}
