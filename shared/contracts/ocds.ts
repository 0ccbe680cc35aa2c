import { createHash } from 'node:crypto';
import { londonTime } from '../platform/london-time';
import { ocidOf } from '../tenders/ocds';
import { type PackageMeta, releasePackage } from '../tenders/ocds-package';
import { awardIdOf, type Json, type PartyFacts, partyBook, value } from '../tenders/ocds-parts';
import type { Release } from '../tenders/ocds-releases';
import type { Contract, KpiRating } from './contract';
import { performanceNoticeDue } from './notices';

/** The statutory KPI scale as the UK extension's `Observation.measureClassification` ids (UK9). */
const measure: Record<KpiRating, { id: string; description: string }> = {
  good: { id: 'met', description: 'Good' },
  'approaching-target': { id: 'slightlyBelow', description: 'Approaching target' },
  'requires-improvement': { id: 'below', description: 'Requires improvement' },
  inadequate: { id: 'significantlyBelow', description: 'Inadequate' },
  other: { id: 'other', description: 'Other' },
};

const endOf = (date: string) => londonTime(date, '23:59').toISOString();
const startOf = (date: string) => londonTime(date, '00:00').toISOString();

function implementation(c: Contract): Json {
  const ratings = c.kpis.flatMap((k) => k.ratings);
  const lastRated = ratings
    .map((r) => r.at)
    .sort()
    .at(-1);
  return {
    milestones: c.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      type: m.type,
      description: `${m.deliverable} Evidence: ${m.evidenceRequested}`,
      dueDate: endOf(m.dueDate),
      status: m.status,
      ...(m.dateMet ? { dateMet: startOf(m.dateMet) } : {}),
      ...(m.decision ? { dateModified: m.decision.at } : {}),
    })),
    // KPIs as the metrics extension's metrics, rated on the Procurement Act scale (UK9).
    metrics: c.kpis.map((k) => ({
      id: k.id,
      title: k.name,
      description: `Target: ${k.target}`,
      observations: k.ratings.map((r, i) => ({
        id: `${k.id}-${i + 1}`,
        period: { startDate: startOf(r.period.startDate), endDate: endOf(r.period.endDate) },
        measureClassification: measure[r.rating],
        ...(r.reason ? { notes: r.reason } : {}),
      })),
    })),
    // A performance notice only where the Act asks for one (notices.ts): ratings are kept and published either way.
    ...(lastRated && performanceNoticeDue(c)
      ? {
          documents: [
            {
              id: 'UK9',
              documentType: 'implementationNotice',
              noticeType: 'UK9',
              title: 'Contract performance notice',
              datePublished: lastRated,
            },
          ],
        }
      : {}),
  };
}

/**
 * When the release's content last changed: the latest of the record's own timestamps for what
 * the release shows (registration, amendments, milestone decisions, KPI ratings, status
 * changes). Evidence a supplier sends is not published, so it does not move the date.
 */
function lastChanged(c: Contract): string {
  const times = [
    c.createdAt,
    c.statusChangedAt,
    ...c.amendments.map((a) => a.at),
    ...c.milestones.map((m) => m.decision?.at),
    ...c.kpis.flatMap((k) => k.ratings.map((r) => r.at)),
  ].filter((t): t is string => Boolean(t));
  return times.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}

/**
 * Sixteen hex digits of the SHA-256 of the release without its id. A hash rather than the
 * date: the id then names exactly one content, even when something the record keeps no time for
 * changes (a party's name, how a field is written after a release of grantloop).
 */
const digest = (release: Json) => createHash('sha256').update(JSON.stringify(release)).digest('hex').slice(0, 16);

/**
 * A contract's implementation as one OCDS release: its milestones (OCDS types and statuses),
 * KPI ratings and amendments. A contract from a tender shares the tender's ocid, award and
 * contract id (the grant's), so the release merges into the tender's record; a contract
 * registered directly is its own contracting process with its own award. Dated by its last
 * change and named by its content, so asking again for an unchanged contract gives the same release.
 */
export function contractRelease(
  c: Contract,
  ctx: { prefix: string; council: PartyFacts; supplier: PartyFacts; processParties?: Json[] | undefined },
): Release {
  const fromTender = c.source.kind === 'tender' ? c.source : undefined;
  const ocid = ocidOf(ctx.prefix, fromTender ? fromTender.tenderId : c.id);
  const awardID = fromTender ? awardIdOf(fromTender.lotId) : `award-${c.id}`;
  const book = partyBook();
  // Published in its tender's record (the consortium's feed), the release names the process's
  // parties with all their roles: in the compiled release a newer release's roles array
  // replaces the older one, so a bare 'buyer' here would drop the council's 'funder' role.
  for (const p of ctx.processParties ?? []) book.add({ identifier: String(p.id), name: String(p.name) }, ...(p.roles as string[]));
  const buyer = book.add(ctx.council, 'buyer');
  const supplier = book.add(ctx.supplier, 'supplier');
  const body: Json = {
    ocid,
    date: lastChanged(c),
    tag: ['implementation'],
    initiationType: 'tender',
    language: 'en',
    parties: book.snapshot(),
    buyer,
    ...(fromTender ? {} : { awards: [{ id: awardID, status: 'active', date: c.createdAt, suppliers: [supplier], value: value(c.value) }] }),
    contracts: [
      {
        id: c.id,
        awardID,
        title: c.title,
        ...(c.description ? { description: c.description } : {}),
        status: c.status,
        value: value(c.value),
        period: { startDate: startOf(c.period.startDate), endDate: endOf(c.period.endDate) },
        implementation: implementation(c),
        ...(c.amendments.length ? { amendments: c.amendments.map(amendmentOf) } : {}),
        ...changeNotices(c),
      },
    ],
  };
  return { ocid, id: `${ocid}-implementation-${digest(body)}`, ...body } as Release;
}

const amendmentOf = (a: Contract['amendments'][number]): Json => ({
  id: a.id,
  date: a.at,
  rationale: a.why,
  description: a.changes.map((x) => `${x.field}: ${x.from || '(none)'} → ${x.to}`).join('; '),
});

/** Each contract change notice (UK10) published with an amendment, as a document of the contract. */
function changeNotices(c: Contract): Json {
  const notices = c.amendments.filter((a) => a.notice);
  if (!notices.length) return {};
  return {
    documents: notices.map((a) => ({
      id: `UK10-${a.id}`,
      documentType: 'contractNotice',
      noticeType: 'UK10',
      title: 'Contract change notice',
      description: a.changes.map((x) => `${x.field}: ${x.from || '(none)'} → ${x.to}`).join('; '),
      datePublished: a.notice?.publishedAt,
    })),
  };
}

export const contractPackage = (release: Release, meta: PackageMeta) => releasePackage([release], meta);
