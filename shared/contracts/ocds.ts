import { londonTime } from '../platform/london-time';
import { ocidOf } from '../tenders/ocds';
import { type PackageMeta, releasePackage } from '../tenders/ocds-package';
import { awardIdOf, type Json, type PartyFacts, partyBook, value } from '../tenders/ocds-parts';
import type { Release } from '../tenders/ocds-releases';
import type { Contract, KpiRating } from './contract';

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
    ...(lastRated
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
 * A contract's implementation as one OCDS release: its milestones (OCDS types and statuses),
 * KPI ratings and amendments. A contract from a tender shares the tender's ocid, award and
 * contract id (the grant's), so the release merges into the tender's record; a contract
 * registered directly is its own contracting process with its own award.
 */
export function contractRelease(c: Contract, ctx: { prefix: string; council: PartyFacts; supplier: PartyFacts; now: Date }): Release {
  const fromTender = c.source.kind === 'tender' ? c.source : undefined;
  const ocid = ocidOf(ctx.prefix, fromTender ? fromTender.tenderId : c.id);
  const awardID = fromTender ? awardIdOf(fromTender.lotId) : `award-${c.id}`;
  const book = partyBook();
  const buyer = book.add(ctx.council, 'buyer');
  const supplier = book.add(ctx.supplier, 'supplier');
  const date = ctx.now.toISOString();
  return {
    ocid,
    id: `${ocid}-implementation-${date}`,
    date,
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
        ...(c.amendments.length
          ? {
              amendments: c.amendments.map((a) => ({
                id: a.id,
                date: a.at,
                rationale: a.why,
                description: a.changes.map((x) => `${x.field}: ${x.from || '(none)'} → ${x.to}`).join('; '),
              })),
            }
          : {}),
      },
    ],
  } as Release;
}

export const contractPackage = (release: Release, meta: PackageMeta) => releasePackage([release], meta);
