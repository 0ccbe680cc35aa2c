import type { Caller } from '../../shared/consortia/caller';
import type { contractView } from '../../shared/contracts/views';
import type { PostedForm } from '../lib/web/form';
import type { FieldError } from '../lib/web/govuk';

/**
 * The types the contract page, its sections and its forms share. Apart, so the page can import
 * its sections and the sections its forms while none of them imports back (no import cycle).
 */

/** What the contract page shows, as the use case reads it. */
export type ContractPageView = Awaited<ReturnType<typeof contractView>>;

/** What every section of the contract page is drawn from. */
export interface SectionProps {
  view: ContractPageView;
  csrf: string;
  errors: FieldError[];
  typed: Record<string, string>;
  mayAct: boolean;
}

/** What a form on the contract's pages comes to: done, refused by field, or a new feed address. */
export type Outcome = { done: string } | { errors: FieldError[] } | { feedUrl: string };
export type Action = (caller: Caller, contractId: string, form: PostedForm) => Promise<Outcome>;
