import { londonTime } from '../platform/london-time';
import { dutyStates, regimeOfTender } from './duty-status';
import {
  awardIdOf,
  contractOf,
  type Json,
  noticeDocument,
  type PartyFacts,
  partyBook,
  tendererOf,
  tenderSection,
  value,
} from './ocds-parts';
import type { LotOutcome } from './process';
import type { Bid, Interest } from './store';
import type { Tender } from './tender';

/** What a tender's releases are made from. `bids` is undefined while bids are sealed (and if it was cancelled before they opened). */
export interface OcdsFacts {
  tender: Tender;
  ocid: string;
  buyer: PartyFacts;
  /** By organisation id: the funders' organisations. */
  funders: Map<string, PartyFacts>;
  interests: Interest[];
  bids: Bid[] | undefined;
  questionsAsked: number;
}

export interface Release extends Json {
  ocid: string;
  id: string;
  date: string;
  tag: string[];
  initiationType: 'tender';
}

/** When the funders had all agreed the specification and their shares: the last approval before publication. */
function planningDate(t: Tender): string {
  const approvals = t.signOffs.filter((s) => s.decision === 'approve' && s.at <= (t.publishedAt as string)).map((s) => s.at);
  return approvals.sort().at(-1) ?? (t.publishedAt as string);
}

const ended: Record<string, string> = { awarded: 'complete', unsuccessful: 'unsuccessful', cancelled: 'cancelled' };
const lotEnded = (o: LotOutcome | undefined, cancelled: boolean) =>
  o?.status === 'awarded' ? 'complete' : cancelled ? 'cancelled' : 'unsuccessful';

/**
 * A release for each stage the tender has reached, in date order: planning (the budget reserved),
 * tender (UK4), bids (once the deadline passed), award (UK6, with its standstill), each lot's
 * contract, a challenge upheld, and the end: complete (UK7), unsuccessful, or cancelled (an
 * amendment giving the reason). Each release carries what changed; the record compiles them.
 */
export function tenderReleases(f: OcdsFacts): Release[] {
  const t = f.tender;
  if (!t.publishedAt) return [];
  const parties = partyBook();
  const buyer = parties.add(f.buyer, 'buyer', 'procuringEntity');
  for (const c of t.funders) {
    const funder = f.funders.get(c.orgId);
    if (funder) parties.add(funder, 'funder');
  }
  const releases: Release[] = [];
  const release = (key: string, date: string, tag: string[], body: Json) =>
    releases.push({
      ocid: f.ocid,
      id: `${f.ocid}-${key}`,
      date,
      tag,
      initiationType: 'tender',
      parties: parties.snapshot(),
      buyer,
      ...body,
    });

  release('planning', planningDate(t), ['planning'], {
    planning: {
      rationale: `Jointly funded by ${t.funders.length} member${t.funders.length === 1 ? '' : 's'} of the consortium; the budget is reserved in its pooled fund until the award.`,
      budget: { description: 'Reserved in the consortium pool', amount: value(t.funders.reduce((a, c) => a + c.amount, 0)) },
    },
    tender: { id: t.id, title: t.title, status: 'planned' },
  });
  const uk4 = t.notices.find((n) => n.type === 'UK4');
  release('tender', t.publishedAt, ['tender'], { tender: { ...tenderSection(t, uk4, buyer), hasEnquiries: f.questionsAsked > 0 } });

  if (f.bids) bidsRelease(f, parties, release);
  awardReleases(f, parties, release);
  endRelease(t, release);
  return releases.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

type Emit = (key: string, date: string, tag: string[], body: Json) => void;
type Parties = ReturnType<typeof partyBook>;

const interestOf = (f: OcdsFacts, interestId: string) => f.interests.find((i) => i.id === interestId);

/** Bid details, one per lot bid (`<interest>.<lot>`, as they were scored); prices stay with the evaluation, the winner's is in its award. */
function bidDetails(f: OcdsFacts, parties: Parties, status: 'pending' | 'valid'): Json[] {
  return (f.bids ?? []).flatMap((b) => {
    const interest = interestOf(f, b.interestId);
    if (!interest) return [];
    const tenderer = parties.add(tendererOf(interest), 'tenderer');
    return b.lots.map((l) => ({
      id: `${b.interestId}.${l.lotId}`,
      date: b.submittedAt,
      status,
      tenderers: [tenderer],
      relatedLots: [l.lotId],
    }));
  });
}

function bidsRelease(f: OcdsFacts, parties: Parties, release: Emit) {
  const t = f.tender;
  const bids = f.bids ?? [];
  const details = bidDetails(f, parties, 'pending');
  const perLot = t.lots.map((l) => ({
    id: `bids-${l.id}`,
    measure: 'bids',
    value: bids.filter((b) => b.lots.some((x) => x.lotId === l.id)).length,
    relatedLot: l.id,
    date: t.dates.submissionDeadline,
  }));
  const tenderers = [...new Map(details.flatMap((d) => d.tenderers as Json[]).map((x) => [x.id, x])).values()];
  release('bids', t.dates.submissionDeadline, ['tenderUpdate'], {
    tender: { id: t.id, numberOfTenderers: tenderers.length, tenderers },
    bids: {
      statistics: [{ id: 'bids', measure: 'bids', value: bids.length, date: t.dates.submissionDeadline }, ...perLot],
      details,
    },
  });
}

function awardOf(t: Tender, o: LotOutcome, supplier: Json, status: string, date: string): Json {
  return {
    id: awardIdOf(o.lotId),
    title: t.lots.find((l) => l.id === o.lotId)?.title,
    status,
    date,
    value: value(o.winner?.price ?? 0),
    suppliers: [supplier],
    relatedLots: [o.lotId],
    relatedBid: `${o.winner?.interestId}.${o.lotId}`,
    aboveThreshold: regimeOfTender(t).regime !== 'below-threshold',
    ...(t.assessmentSummaries?.lotIds.includes(o.lotId) ? { assessmentSummariesDateSent: t.assessmentSummaries.sentAt } : {}),
  };
}

/** UK6 and the standstill, each lot's contract (the grant), and awards a challenge overturned. */
function awardReleases(f: OcdsFacts, parties: Parties, release: Emit) {
  const t = f.tender;
  const supplierOf = (o: LotOutcome) => {
    const interest = o.winner && interestOf(f, o.winner.interestId);
    return interest ? parties.add(tendererOf(interest), 'tenderer', 'supplier') : undefined;
  };
  const valid = () => ({ details: bidDetails(f, parties, 'valid') });
  const uk6 = t.notices.find((n) => n.type === 'UK6');
  if (uk6) {
    // Mandatory or voluntary alike: a light-touch award without one has no standstillPeriod (s.51(3)(f)).
    const standstillPeriod = t.standstill
      ? { standstillPeriod: { startDate: londonTime(t.standstill.startsOn, '00:00').toISOString(), endDate: t.standstill.endsAt } }
      : {};
    const awards = uk6.lotIds.flatMap((lotId) => {
      const o = t.outcomes.find((x) => x.lotId === lotId);
      const supplier = o && supplierOf(o);
      if (!o || !supplier) return [];
      return [
        { ...awardOf(t, o, supplier, 'pending', uk6.publishedAt), ...standstillPeriod, documents: [noticeDocument(uk6, `-${lotId}`)] },
      ];
    });
    release('award', uk6.publishedAt, ['award'], { awards, bids: valid() });
  }
  for (const c of t.challenges.filter((x) => x.status === 'upheld' && x.resolvedAt)) {
    release(`award-cancelled-${c.lotId}`, c.resolvedAt as string, ['awardCancellation', 'tenderUpdate'], {
      awards: [{ id: awardIdOf(c.lotId), status: 'cancelled', finalStatusDate: c.resolvedAt }],
      tender: { id: t.id, lots: [{ id: c.lotId, status: 'unsuccessful' }] },
    });
  }
  for (const o of t.outcomes.filter((x) => x.status === 'awarded' && x.awardedAt && x.grantId)) {
    const supplier = supplierOf(o);
    if (!supplier) continue;
    const award = { ...awardOf(t, o, supplier, 'active', o.awardedAt as string), finalStatusDate: o.awardedAt };
    release(`contract-${o.lotId}`, o.awardedAt as string, uk6 ? ['awardUpdate', 'contract'] : ['award', 'contract'], {
      awards: [award],
      contracts: [contractOf(t, o, awardIdOf(o.lotId))],
      ...(uk6 ? {} : { bids: valid() }),
    });
  }
}

/**
 * Statutory duties with a day the Act fixes (the UK7's, from the day the contract is entered
 * into), as tender milestones: OCDS has no due date for a notice, so the milestone carries it,
 * coded with the notice type, met on the day the notice was published.
 */
function dutyMilestones(t: Tender): Json {
  const dated = dutyStates(t).filter((d) => d.dueBy);
  if (!dated.length) return {};
  return {
    milestones: dated.map((d) => ({
      id: `duty-${d.id}`,
      title: `${d.title} due`,
      type: 'reporting',
      code: d.id,
      description: `${d.when} (Procurement Act 2023, ${d.section}).`,
      dueDate: londonTime(d.dueBy as string, '23:59').toISOString(),
      status: d.status === 'done' ? 'met' : 'scheduled',
      ...(d.doneAt ? { dateMet: d.doneAt } : {}),
    })),
  };
}

/** The tender's end: complete with a UK7 for the awarded lots, unsuccessful, or cancelled with its reason. */
function endRelease(t: Tender, release: Emit) {
  const status = ended[t.status];
  if (!status || !t.closedAt) return;
  const cancelled = t.status === 'cancelled';
  const lots = t.lots.map((l) => ({
    id: l.id,
    status: lotEnded(
      t.outcomes.find((o) => o.lotId === l.id),
      cancelled,
    ),
  }));
  const tender: Json = { id: t.id, status, finalStatusDate: t.closedAt, lots };
  const uk7 = t.notices.find((n) => n.type === 'UK7');
  if (uk7) {
    const contracts = t.outcomes
      .filter((o) => o.status === 'awarded' && uk7.lotIds.includes(o.lotId))
      .map((o) => ({ id: o.grantId, awardID: awardIdOf(o.lotId), documents: [noticeDocument(uk7, `-${o.lotId}`)] }));
    release('complete', uk7.publishedAt, ['tenderUpdate', 'contractUpdate'], { tender: { ...tender, ...dutyMilestones(t) }, contracts });
    return;
  }
  if (cancelled && t.cancellation) {
    const pending = t.outcomes.filter((o) => o.status === 'recommended' && t.notices.some((n) => n.type === 'UK6'));
    release('cancellation', t.cancellation.at, ['tenderCancellation'], {
      tender: {
        ...tender,
        amendments: [
          { id: 'cancellation', date: t.cancellation.at, rationale: t.cancellation.reason, description: 'The tender was cancelled.' },
        ],
      },
      ...(pending.length
        ? { awards: pending.map((o) => ({ id: awardIdOf(o.lotId), status: 'cancelled', finalStatusDate: t.closedAt })) }
        : {}),
    });
    return;
  }
  release('unsuccessful', t.closedAt, ['tenderUpdate'], { tender });
}
