import { defineEvents, type EventData, type EventType, eventMaker, eventNotes, subjectOf } from '../platform/events';
import * as z from '../platform/zod';
import { regimes } from './regime';
import { tenderStatuses } from './tender';

/** What most payloads share, made with the schemas (on first use). */
function shared() {
  /** Every change saved under the tender's version carries the status it left the tender in. */
  const changed = { tenderId: z.string(), status: z.enum(tenderStatuses) };
  return {
    changed,
    /** An ending hands back what the tender still held (pence). */
    ended: { ...changed, released: z.int() },
    lots: z.array(z.string()),
  };
}

type Shared = ReturnType<typeof shared>;

/** From the draft to the close of submissions. */
function opening({ changed }: Shared) {
  const question = z.strictObject({ tenderId: z.string(), questionId: z.string() });
  const signOff = z.strictObject({ ...changed, orgId: z.string(), decision: z.enum(['approve', 'refuse']) });
  return {
    'tender.drafted': z.strictObject({ ...changed, consortiumId: z.string() }),
    'tender.edited': z.strictObject({ ...changed, attempt: z.int() }),
    'tender.submitted-for-sign-off': z.strictObject({ ...changed, attempt: z.int() }),
    'tender.signed-off': signOff,
    'tender.sign-off-refused': signOff,
    'tender.sign-off-escalated': z.strictObject({ ...changed, decision: z.optional(z.enum(['proceed', 'return-to-draft'])) }),
    'tender.returned-to-draft': z.strictObject({ ...changed, reason: z.string() }),
    'tender.published': z.strictObject({ ...changed, poolId: z.string(), reserved: z.int() }),
    'tender.interest-registered': z.strictObject({ tenderId: z.string(), interestId: z.string(), invited: z.boolean() }),
    'tender.question-asked': question,
    'tender.question-answered': question,
    'tender.submissions-closed': z.strictObject({ ...changed, bids: z.int(), lotsWithBids: z.int() }),
  };
}

/** From the panel's scores to the standstill and its challenges. */
function evaluation({ changed, lots }: Shared) {
  return {
    'tender.conflict-declared': z.strictObject({ ...changed, scorerId: z.string(), bidId: z.string() }),
    'tender.scored': z.strictObject({ ...changed, bidId: z.string() }),
    'tender.moderated': z.strictObject({ ...changed, bidId: z.string(), criterionId: z.string() }),
    'tender.evaluated': z.strictObject({ ...changed, recommended: lots }),
    'tender.award-vote-recorded': z.strictObject({ ...changed, orgId: z.string(), decision: z.enum(['approve', 'reject']) }),
    'tender.award-approved': z.strictObject({ ...changed, lots }),
    'tender.assessment-summaries-sent': z.strictObject({ ...changed, sentAt: z.string(), lotIds: lots, bidders: z.int() }),
    'tender.award-notice-published': z.strictObject({ ...changed, lots }),
    'tender.standstill-started': z.strictObject({
      ...changed,
      kind: z.enum(['mandatory', 'voluntary']),
      workingDays: z.int(),
      startsOn: z.string(),
      endsOn: z.string(),
      endsAt: z.string(),
    }),
    'tender.challenge-received': z.strictObject({ ...changed, lotId: z.string(), challengeId: z.string() }),
    'tender.challenge-resolved': z.strictObject({
      ...changed,
      lotId: z.string(),
      challengeId: z.string(),
      outcome: z.enum(['dismissed', 'upheld']),
    }),
  };
}

/** Each lot's outcome, the tender's end, and the bids (under their own subject). */
function ending({ changed, ended, lots }: Shared) {
  const bid = z.strictObject({ tenderId: z.string() });
  return {
    'tender.lot-awarded': z.strictObject({
      ...changed,
      lot: z.strictObject({ id: z.string(), title: z.string() }),
      price: z.int(),
      winner: z.strictObject({
        interestId: z.string(),
        orgId: z.string(),
        name: z.string(),
        email: z.string(),
        identifier: z.optional(z.string()),
      }),
      grantId: z.string(),
      poolId: z.string(),
      buyerOrgId: z.string(),
      title: z.string(),
      description: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      regime: z.optional(z.enum(regimes)),
    }),
    'tender.lot-failed': z.strictObject({ ...changed, lotId: z.string() }),
    'tender.completed': z.strictObject({ ...ended, awarded: lots }),
    'tender.unsuccessful': z.strictObject({ ...ended, awarded: z.optional(lots), reason: z.optional(z.string()) }),
    'tender.cancelled': z.strictObject({ ...ended, reason: z.string() }),
    'bid.submitted': bid,
    'bid.late-refused': bid,
  };
}

/**
 * What tenders writes, each with its payload: what its consumers may rely on. Bid events sit
 * under the bid's own subject and carry only ids, so neither a tender's audit trail nor a
 * payload says how many bids there are before the deadline.
 */
export const tendersEvents = /* @__PURE__ */ defineEvents('tenders', () => {
  const s = shared();
  return { ...opening(s), ...evaluation(s), ...ending(s) };
});

const bidNote = 'under the subject `bid#<tenderId>.<interestId>`, with the tender id only: no content, and no tender-wide count';

/**
 * Who writes each type, and what a field means beyond its type: for the event catalogue in
 * docs/ARCHITECTURE.md only (through the catalog slice), so no Lambda bundle carries the prose.
 */
export const tendersEventNotes = /* @__PURE__ */ eventNotes<typeof tendersEvents>()(
  {
    'tender.drafted': { writtenBy: 'POST /consortia/{id}/tenders (or the draft journey)' },
    'tender.edited': { writtenBy: 'PUT /tenders/{id} (or the change-a-draft journey), only while a draft' },
    'tender.submitted-for-sign-off': { writtenBy: 'POST /tenders/{id}/sign-off-request' },
    'tender.sign-off-escalated': {
      writtenBy: "workflow (the sign-off deadline passed), then the lead's decision",
      fields: { decision: "only the lead's" },
    },
    'tender.returned-to-draft': { writtenBy: 'workflow' },
    'tender.published': { writtenBy: 'workflow step Publish (with the `reservation` ledger entry)', fields: { reserved: 'pence' } },
    'tender.interest-registered': { writtenBy: 'a provider (public route), or the lead inviting one (API or the tender overview)' },
    'tender.question-asked': { writtenBy: 'a provider, by emailed link' },
    'tender.question-answered': { writtenBy: 'the lead (API or the clarifications page; once per question)' },
    'tender.submissions-closed': { writtenBy: 'workflow step CloseSubmissions (after the deadline)' },
    'tender.award-vote-recorded': { writtenBy: 'a funder' },
    'tender.award-approved': { writtenBy: 'workflow step StartStandstill: no contract award notice due' },
    'tender.assessment-summaries-sent': { writtenBy: "workflow step SendAssessmentSummaries, once every bidder's summary is sent" },
    'tender.award-notice-published': { writtenBy: 'workflow step StartStandstill: a UK6 with no standstill (light touch)' },
    'tender.standstill-started': { writtenBy: 'workflow step StartStandstill' },
    'tender.lot-awarded': {
      writtenBy: "workflow step AwardLot, with the lot's grant (grant.awarded)",
      fields: {
        price: 'pence',
        winner: 'the organisation the grant goes to, and the bidder as it gave itself (`identifier`: its org-id, if given)',
        title: "the award's title (`<tender>: <lot>`); `description` is the tender's",
        startDate: "the grant's planned term, with `endDate`",
        regime: 'absent for a tender stored before tenders carried their regime',
      },
      note: "all the buying council's contract needs: its consumer never reads the tenders store",
    },
    'tender.lot-failed': { writtenBy: 'workflow step AwardLot: a challenge upheld' },
    'tender.completed': { writtenBy: 'workflow step CompleteTender', fields: { released: 'pence' } },
    'tender.unsuccessful': { writtenBy: 'workflow: no lot awarded, or no bids', fields: { released: 'pence' } },
    'tender.cancelled': { writtenBy: 'the lead, or workflow', fields: { released: 'pence' } },
    'bid.submitted': {
      writtenBy: 'emailed link (POST)',
      note: bidNote,
    },
    'bid.late-refused': {
      writtenBy: 'emailed link (POST), after the deadline',
      note: bidNote,
    },
  },
  {
    'a funder (POST /tenders/{id}/sign-off)': ['tender.signed-off', 'tender.sign-off-refused'],
    'a panel member': ['tender.conflict-declared', 'tender.scored'],
    'the lead': ['tender.moderated', 'tender.evaluated', 'tender.challenge-received', 'tender.challenge-resolved'],
  },
);

export type TendersEvent = EventType<typeof tendersEvents>;

/** A tender event's payload beyond what every change carries (the tender's id and status), for `save` and `releaseReserve`. */
export type TenderChange<K extends TendersEvent, Also extends string = never> = K extends unknown
  ? Omit<EventData<typeof tendersEvents, K>, 'tenderId' | 'status' | Also>
  : never;

/** The whole payload: the tender's id and status (and, for an ending, what it released) with the change's own fields. */
export const tenderEventData = <K extends TendersEvent>(common: object, change: object) =>
  ({ ...common, ...change }) as EventData<typeof tendersEvents, K>;

export const makeEvent = /* @__PURE__ */ eventMaker(tendersEvents);

export const subject = {
  tender: (tenderId: string) => subjectOf('tender', tenderId),
  bid: (tenderId: string, interestId: string) => subjectOf('bid', `${tenderId}.${interestId}`),
};
