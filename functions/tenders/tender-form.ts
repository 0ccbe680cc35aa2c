import type { Caller } from '../../shared/consortia/caller';
import { workflows } from '../../shared/platform/aws/workflows';
import { tendersTable } from '../../shared/tenders/aws';
import type { Tender } from '../../shared/tenders/tender';
import type { FormAction, PostedForm } from '../lib/web/form';
import { type FormOutcome, formOutcome } from '../lib/web/form-actions';
import type * as z from '../lib/zod';

// No mail client here: what a form changes is mailed by functions that follow its event (an answer, an invitation).
export const deps = { ...tendersTable, workflows };

/**
 * Each form on a tender's pages, by its `action`: decoded by the shared decoder into the same
 * schema as its JSON route, then the same use case. The field names and labels are the page's
 * (tender-view.tsx, clarifications-section.tsx, evaluation-section.tsx, award-section.tsx); a
 * refusal comes back against its field. Each page has its own forms: another page's is refused.
 */
export type Action = (caller: Caller, t: Tender, form: PostedForm) => Promise<FormOutcome>;

/** A form whose use case takes the tender's id and the decoded input, as its JSON route calls it (`voteOnAward`). */
export const tenderForm =
  <S extends z.ZodMiniType, R>(
    action: FormAction<S>,
    useCase: (d: typeof deps, caller: Caller, tenderId: string, input: z.infer<S>) => Promise<R>,
    done: (input: z.infer<S>, result: R) => string,
  ): Action =>
  (caller, t, form) =>
    formOutcome(form, action, (input) => useCase(deps, caller, t.id, input), done);
