import { timeInWords } from '../../shared/platform/format';
import { Button } from '../lib/web/govuk';
import { inputsFor } from '../lib/web/inputs';
import { ActionForm, type SectionProps } from './tender-parts';

/** The clarification questions, with nobody's name, and the lead's answer form beside each unanswered one. */
export function ClarificationsSection(p: SectionProps) {
  const { view } = p;
  return (
    <>
      <h2 class="govuk-heading-m">Clarifications</h2>
      <p class="govuk-body">
        {view.questions.asked} asked, {view.questions.answered} answered. Providers may ask until{' '}
        {timeInWords(view.dates.clarificationDeadline)}. Each answer goes to every registered provider and is shown on their bid form; the
        asker is never named.
      </p>
      {view.questionList.map((q) => (
        <div class="govuk-inset-text">
          <p class="govuk-body">
            <strong>Q:</strong> {q.question}
          </p>
          {q.answer ? (
            <p class="govuk-body">
              <strong>A:</strong> {q.answer}
            </p>
          ) : view.may.answer ? (
            <AnswerForm {...p} questionId={q.id} />
          ) : (
            <p class="govuk-body">Not answered yet.</p>
          )}
        </div>
      ))}
    </>
  );
}

function AnswerForm(p: SectionProps & { questionId: string }) {
  const field = `answer-${p.questionId}`;
  const inputs = inputsFor(p.typed, p.errors);
  return (
    <ActionForm view={p.view} csrf={p.csrf} action="answer" tab="clarifications" id={field.replace('answer-', 'answer-form-')}>
      <input type="hidden" name="question" value={p.questionId} />
      <inputs.Area
        name={field}
        label="Your answer"
        hint="Sent to every provider who registered interest. Answers cannot be changed once sent."
        rows={3}
      />
      <Button>Send the answer</Button>
    </ActionForm>
  );
}
