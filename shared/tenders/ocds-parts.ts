import { londonTime } from '../platform/london-time';
import { poundsDecimal } from '../platform/money';
import { plannedEnd } from '../pools/grant';
import { regimeOfTender } from './duty-status';
import type { LotOutcome, Notice } from './process';
import type { Interest } from './store';
import type { Tender } from './tender';

/**
 * The pieces OCDS releases are made of, in the shapes of OCDS 1.1.5 with the lots, bids and UK
 * (Procurement Act 2023) extensions. Money is in pounds, as the standard's Value.amount is.
 */
export type Json = Record<string, unknown>;

export const value = (pence: number) => ({ amount: poundsDecimal(pence), currency: 'GBP' });

/** An organisation as OCDS names it: by its org-id identifier, so the same body has one id in every process. */
export interface PartyFacts {
  identifier: string;
  name: string;
}

/** Charities and other registered VCSE bodies, by their org-id register (the UK extension's `details.vcse`). */
const vcseRegisters = /^GB-(CHC|SC|NIC|MPR|CIC)-/;

/** The parties as known so far: each release carries every party with all its roles at that point. */
export function partyBook() {
  const parties = new Map<string, { name: string; roles: Set<string> }>();
  return {
    add(p: PartyFacts, ...roles: string[]) {
      const known = parties.get(p.identifier) ?? { name: p.name, roles: new Set<string>() };
      for (const r of roles) known.roles.add(r);
      parties.set(p.identifier, known);
      return { id: p.identifier, name: p.name };
    },
    snapshot: (): Json[] =>
      [...parties.entries()].map(([id, p]) => ({
        id,
        name: p.name,
        identifier: { scheme: id.split('-').slice(0, 2).join('-'), id: id.split('-').slice(2).join('-'), legalName: p.name },
        roles: [...p.roles],
        ...(vcseRegisters.test(id) ? { details: { vcse: true } } : {}),
      })),
  };
}

/** A provider as it bid: the identifier it gave, or the one grantloop gives the organisation it registers for it. */
/**
 * A provider's identifier: the org-id it gave, or, for a group with no registration, one under
 * 360Giving's prefix for organisations without one (as grantloop's grant ids are), made from its
 * interest id so it is the same on every read and every retry.
 */
export const providerIdentifier = (i: Pick<Interest, 'id' | 'identifier'>) => i.identifier ?? `360G-grantloop-${i.id}`;

export const tendererOf = (i: Interest): PartyFacts => ({ identifier: providerIdentifier(i), name: i.orgName });

const documentTypes: Record<Notice['type'], { documentType: string; title: string }> = {
  UK4: { documentType: 'tenderNotice', title: 'Tender notice' },
  UK6: { documentType: 'awardNotice', title: 'Contract award notice' },
  UK7: { documentType: 'contractNotice', title: 'Contract details notice' },
};

/** A Procurement Act notice as an OCDS document (the UK extension's `noticeType`). */
export const noticeDocument = (n: Notice, suffix = '') => ({
  id: `${n.type}${suffix}`,
  documentType: documentTypes[n.type].documentType,
  noticeType: n.type,
  title: documentTypes[n.type].title,
  datePublished: n.publishedAt,
  ...(n.lotIds.length ? { relatedLots: n.lotIds } : {}),
});

const methods = { open: 'open', 'competitive-flexible': 'selective' } as const;
const methodDetails = {
  open: 'Open procedure (Procurement Act 2023, s.20(2)(a))',
  'competitive-flexible': 'Competitive flexible procedure (Procurement Act 2023, s.20(2)(b)): conditions of participation, then tenders',
} as const;

/** The tender as its tender notice (UK4) describes it. */
export function tenderSection(t: Tender, uk4: Notice | undefined, buyer: Json): Json {
  const criteria = t.criteria.map((c) => `${c.title} (${c.kind}) ${c.weight}%`).join('; ');
  return {
    id: t.id,
    title: t.title,
    description: t.description,
    status: 'active',
    procuringEntity: buyer,
    value: value(t.lots.reduce((a, l) => a + l.value, 0)),
    procurementMethod: methods[t.procedure],
    procurementMethodDetails: methodDetails[t.procedure],
    mainProcurementCategory: 'services',
    awardCriteria: 'ratedCriteria',
    awardCriteriaDetails: `Most advantageous tender: ${criteria}. Ties are broken by quality, then price, then the earlier submission.`,
    submissionMethod: ['electronicSubmission'],
    submissionMethodDetails: 'By the link emailed to each provider that registers interest or is invited.',
    tenderPeriod: { startDate: t.publishedAt, endDate: t.dates.submissionDeadline },
    enquiryPeriod: { startDate: t.publishedAt, endDate: t.dates.clarificationDeadline },
    awardPeriod: { startDate: t.dates.submissionDeadline, endDate: t.dates.awardDecision },
    hasEnquiries: false,
    // A public contract (above threshold, or light touch at or above its own threshold) is "above threshold"; a
    // light-touch service below its threshold is a below-threshold contract, not under the light-touch regime.
    aboveThreshold: regimeOfTender(t).regime !== 'below-threshold',
    ...(regimeOfTender(t).regime === 'light-touch' ? { specialRegime: ['lightTouch'] } : {}),
    legalBasis: { scheme: 'UKPGA', id: '2023/54', description: 'Procurement Act 2023' },
    lots: t.lots.map((l) => ({
      id: l.id,
      title: l.title,
      description: `${l.scope.kind === 'geography' ? 'Area' : 'Function'}: ${l.scope.label}`,
      status: 'active',
      value: value(l.value),
      contractPeriod: { durationInMonths: t.contractMonths ?? 36 },
    })),
    documents: [
      ...t.documents.map((d, i) => ({ id: `specification-${i + 1}`, documentType: 'technicalSpecifications', title: d.title, url: d.url })),
      ...(uk4 ? [noticeDocument(uk4)] : []),
    ],
  };
}

/** The contract a lot's award became: the grant, from its award for the contract's term. */
export function contractOf(t: Tender, o: LotOutcome, awardId: string): Json {
  const start = (o.awardedAt as string).slice(0, 10);
  const months = t.contractMonths ?? 36;
  const end = plannedEnd(start, months);
  return {
    id: o.grantId,
    awardID: awardId,
    title: `${t.title}: ${t.lots.find((l) => l.id === o.lotId)?.title ?? o.lotId}`,
    status: 'active',
    value: value(o.winner?.price ?? 0),
    dateSigned: o.awardedAt,
    period: {
      startDate: londonTime(start, '00:00').toISOString(),
      endDate: londonTime(end, '23:59').toISOString(),
      durationInMonths: months,
    },
  };
}

export const awardIdOf = (lotId: string) => `award-${lotId}`;
