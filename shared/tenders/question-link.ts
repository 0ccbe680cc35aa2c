import type { FieldIssue } from '../platform/errors';
import { timeInWords } from '../platform/format';
import { newId } from '../platform/ids';
import { type LinkKind, type LinkPage, linkRefused, unknownLink } from '../platform/links/registry';
import { sendOnce } from '../platform/send-once';
import { makeEvent, subject } from './events';
import { questionReceiptEmail } from './provider-mail';
import {
  type LinkPost,
  type LinkView,
  linkedInterest,
  providerLinkTerms,
  QUESTION_LINK,
  type QuestionScope,
  questionLink,
} from './providers';
import { buyerOf } from './step-mail';
import type { Question } from './store';

export interface QuestionForm {
  form: 'tender-question';
  scope: string;
  orgName: string;
  tenderTitle: string;
  clarificationDeadline: string;
  /** Answers published so far, with nobody's name on the questions. */
  answered: { question: string; answer: string }[];
  values: { question: string };
  errors: FieldIssue[];
}

async function questionForm(
  deps: LinkView,
  scope: QuestionScope,
  override: Partial<QuestionForm> = {},
  status = 200,
): Promise<LinkPage<QuestionForm>> {
  const linked = await linkedInterest(deps, scope);
  if (!linked) return unknownLink;
  const { tender, interest } = linked;
  if (tender.status !== 'published' || deps.clock.now().toISOString() >= tender.dates.clarificationDeadline)
    return {
      kind: 'problem',
      status: 409,
      title: 'Questions are closed',
      message: `Questions about "${tender.title}" could be asked until ${timeInWords(tender.dates.clarificationDeadline)}.`,
    };
  const answered = (await deps.tenders.listQuestions(tender.id))
    .filter((q) => q.answer)
    .map((q) => ({ question: q.question, answer: q.answer as string }));
  return {
    kind: 'form',
    status,
    model: {
      form: 'tender-question',
      scope: interest.id,
      orgName: interest.orgName,
      tenderTitle: tender.title,
      clarificationDeadline: tender.dates.clarificationDeadline,
      answered,
      values: { question: '' },
      errors: [],
      ...override,
    },
  };
}

const postQuestion: NonNullable<LinkKind<QuestionScope, LinkView, LinkPost, QuestionForm>['post']> = async (deps, opened, form) => {
  const { scope, hash } = opened;
  const text = (form.question ?? '').trim();
  if (!text || text.length > 5_000) {
    const error = {
      field: 'question',
      rule: text ? 'max-length' : 'required',
      message: text ? 'keep the question under 5,000 characters' : 'write your question',
    };
    return questionForm(deps, scope, { values: { question: text }, errors: [error] }, 422);
  }
  const page = await questionForm(deps, scope);
  if (page.kind !== 'form') return page;
  const linked = await linkedInterest(deps, scope);
  if (!linked) return unknownLink;
  const { tender, interest } = linked;
  const now = deps.clock.now();
  const question: Question = { id: newId(now), tenderId: tender.id, interestId: interest.id, question: text, askedAt: now.toISOString() };
  const ok = await deps.tenders.addQuestion(
    question,
    hash,
    now.toISOString(),
    makeEvent('tender.question-asked', subject.tender(tender.id), 'provider', { tenderId: tender.id, questionId: question.id }, now),
  );
  if (!ok) return linkRefused;
  const buyer = await buyerOf(deps, tender);
  await sendOnce(deps, `${tender.id}#question#${question.id}`, async () =>
    questionReceiptEmail(tender, interest, buyer, text, await questionLink(deps, tender, interest.id)),
  );
  return {
    kind: 'done',
    title: 'Thank you: your question has been sent',
    message: 'The answer will be emailed to every provider who registered interest, without your name.',
  };
};

export const questionLinkKind: LinkKind<QuestionScope, LinkView, LinkPost, QuestionForm> = {
  ...QUESTION_LINK,
  ...providerLinkTerms,
  view: (deps, opened) => questionForm(deps, opened.scope),
  post: postQuestion,
};
