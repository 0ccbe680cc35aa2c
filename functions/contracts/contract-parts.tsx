import type { Rag } from '../../shared/contracts/rag';
import { Tag } from '../lib/web/govuk';

export const ragColour: Record<Rag, 'green' | 'yellow' | 'red'> = { green: 'green', amber: 'yellow', red: 'red' };
const ragWord: Record<Rag, string> = { green: 'Green', amber: 'Amber', red: 'Red' };

/** A RAG as a tag with its word (never colour alone), and why. */
export function RagTag({ rag }: { rag: { rag: Rag; why: string } | null | undefined }) {
  if (!rag) return <Tag colour="grey">Closed</Tag>;
  return (
    <>
      <Tag colour={ragColour[rag.rag]}>{ragWord[rag.rag]}</Tag> <span class="govuk-body-s">{rag.why}</span>
    </>
  );
}

/** The rule, stated where the colours are shown. */
export function RagRule({ amberWithinDays }: { amberWithinDays: number }) {
  return (
    <details class="govuk-details">
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">How the colours are worked out</span>
      </summary>
      <div class="govuk-details__text">
        Green: everything due is met, evidence is in and awaits a decision, or nothing is due within {amberWithinDays} days. Amber: a
        milestone is due within {amberWithinDays} days (today counts) with no evidence yet, or was only partly met. Red: a milestone is
        overdue (its due date has passed in England with no decision) or was not met. A contract shows its worst milestone. Days are
        calendar days in England, weekends included.
      </div>
    </details>
  );
}
