import type { Rag } from '../../shared/contracts/rag';
import { timeInWords } from '../../shared/platform/format';
import { ActionForm } from '../lib/web/form-page';
import { Button, Tag } from '../lib/web/govuk';

const ragColour: Record<Rag, 'green' | 'yellow' | 'red'> = { green: 'green', amber: 'yellow', red: 'red' };
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

/**
 * A calendar feed: what it holds, then its secret address, shown once when made; otherwise when it
 * was made, and the button (posting to `action`) to make a new one.
 */
export function CalendarFeed(p: {
  holds: string;
  action: string;
  csrf: string;
  feed: { exists: boolean; createdAt?: string };
  feedUrl: string | undefined;
  mayAct: boolean;
}) {
  return (
    <>
      <h2 class="govuk-heading-m">Calendar feed</h2>
      <p class="govuk-body">{p.holds}</p>
      {p.feedUrl ? (
        <div class="govuk-inset-text">
          <p class="govuk-body">Add this address to Outlook or Google Calendar as a subscription. Copy it now: it is not shown again.</p>
          <p class="govuk-body">
            <code id="feed-url">{p.feedUrl}</code>
          </p>
        </div>
      ) : (
        <p class="govuk-body">
          {p.feed.exists && p.feed.createdAt
            ? `A feed address was made ${timeInWords(p.feed.createdAt)}. Making a new one stops the old address working.`
            : 'No feed address has been made yet.'}
        </p>
      )}
      {p.mayAct && (
        <ActionForm action="rotate-feed" to={p.action} csrf={p.csrf}>
          <Button secondary>{p.feed.exists ? 'Make a new address (the old one stops working)' : 'Make a feed address'}</Button>
        </ActionForm>
      )}
    </>
  );
}
