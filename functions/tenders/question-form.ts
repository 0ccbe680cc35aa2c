import { timeInWords } from '../../shared/platform/format';
import type { QuestionForm } from '../../shared/tenders/question-link';
import { errorSummary, esc, fieldErrors, layout } from '../lib/html';

/** Ask a clarification question; answers so far are listed, with nobody's name on them. */
export function renderQuestionForm(page: QuestionForm): string {
  const answered = page.answered.map((a) => `<dt>${esc(a.question)}</dt><dd>${esc(a.answer)}</dd>`).join('');
  return layout(
    `Ask a question: ${page.tenderTitle}`,
    `${errorSummary(page.errors)}<h1>Ask a question about ${esc(page.tenderTitle)}</h1>
<p>Questions close at ${esc(timeInWords(page.clarificationDeadline))}. Every answer is sent to all providers who registered interest, without saying who asked.</p>
${answered ? `<h2>Answers so far</h2><dl>${answered}</dl>` : ''}
<form method="post"><input type="hidden" name="scope" value="${esc(page.scope)}">
<label for="question">Your question <span class="hint">(asking as ${esc(page.orgName)})</span></label>${fieldErrors(page.errors, 'question')}<textarea id="question" name="question">${esc(page.values.question)}</textarea>
<button type="submit">Send my question</button></form>`,
  );
}
