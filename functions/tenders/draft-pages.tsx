import type { Caller } from '../../shared/consortia/caller';
import { DomainError } from '../../shared/platform/errors';
import { GoTo } from '../lib/web/inputs';
import { journeyPage } from '../lib/web/journey';
import type { PageRequest, PageResult } from '../lib/web/page-route';
import { answersFrom, draftContext, editContext } from './draft-context';
import { questionIds, tenderJourney } from './draft-journey';

/** Drafting a tender: the lead's officers, from the consortium's tenders. */
export async function newTenderPage(req: PageRequest<Caller>): Promise<PageResult> {
  const ctx = await draftContext(req.caller, req.params.consortiumId ?? '');
  return journeyPage(tenderJourney(ctx, 'new'))(req);
}

/**
 * Changing a draft: the task list filled in from the tender the first time it is opened (every
 * task completed), then kept as typed beside the session like any journey, for that version of
 * the tender. Once the tender is no
 * longer a draft (sent for sign-off again) the page says so, and its forms are gone.
 */
export async function editTenderPage(req: PageRequest<Caller>): Promise<PageResult> {
  const ctx = await editContext(req.caller, req.params.tenderId ?? '');
  const journey = tenderJourney(ctx, 'edit');
  const tender = ctx.tender;
  const done = req.method === 'GET' && req.query.page === 'done';
  if (tender.status !== 'draft' && !done) {
    if (req.method === 'POST') throw new DomainError('validation', 'this page has no such form');
    return {
      title: 'Not a draft',
      ...journey.chrome(ctx),
      body: (
        <>
          <h1 class="govuk-heading-l">{tender.title} is no longer a draft</h1>
          <p class="govuk-body">
            A tender can be changed only while it is a draft: before it is sent for sign-off, or after a funder refuses it.
          </p>
          <GoTo href={`/app/tenders/${encodeURIComponent(tender.id)}`}>Go to the tender</GoTo>
        </>
      ),
    };
  }
  // Until something is typed, the draft reads as the tender itself: nothing is written on a GET,
  // and the first answer saves the whole draft. The confirmation reads nothing of it.
  const stored = req.draft(journey.key(req.params));
  const draft = { ...stored, get: async () => (await stored.get()) ?? (done ? undefined : answersFrom(tender, ctx, questionIds(ctx))) };
  return journeyPage(journey)({ ...req, draft: () => draft });
}
