import { type Contract, isClosed } from '../contracts/contract';
import { staffPageUrl, staffPaths } from '../platform/pages';
import type { Report } from '../reporting/report';
import type { Tender } from '../tenders/tender';
import type { FeedEvent } from './feed';

/**
 * What a council's calendar shows, as feed events with stable UIDs. The sequence is the
 * record's own counter: a milestone's (one more per date or status change), a report's and a
 * tender's version (they only grow), so a calendar updates the entry instead of adding one.
 */
const statusWords = { scheduled: 'due', met: 'met', partiallyMet: 'partly met', notMet: 'not met' } as const;

export function milestoneEvents(c: Contract): FeedEvent[] {
  if (isClosed(c)) return [];
  return c.milestones.map((m) => ({
    uid: `milestone-${c.id}-${m.id}@grantloop`,
    sequence: m.sequence,
    summary: `${m.status === 'scheduled' ? 'Due' : `${statusWords[m.status][0]?.toUpperCase()}${statusWords[m.status].slice(1)}`}: ${m.title} (${c.supplier.name})`,
    description: `${c.title}, milestone ${m.id} (${m.type}): ${m.deliverable}\nEvidence asked for: ${m.evidenceRequested}\nStatus: ${statusWords[m.status]}`,
    start: { date: m.dueDate, time: '09:00' },
    minutes: 30,
    url: staffPageUrl(staffPaths.contract(c.id)),
  }));
}

export function reportEvents(reports: Report[], recipientName: (orgId: string) => string): FeedEvent[] {
  return reports.map((r) => ({
    uid: `report-${r.id}@grantloop`,
    sequence: r.version,
    summary: `Report due: ${r.label} (${recipientName(r.recipientOrgId)})`,
    description: `Report for ${r.periodStart} to ${r.periodEnd}. Status: ${r.status}.`,
    start: { date: r.dueDate, time: '09:00' },
    minutes: 30,
    url: staffPageUrl(staffPaths.report(r.id)),
  }));
}

/** A tender's deadlines at their exact times: clarifications close, bids close, award decision, standstill end. */
export function tenderEvents(t: Tender): FeedEvent[] {
  const at = (what: string, label: string, iso: string): FeedEvent => ({
    uid: `tender-${t.id}-${what}@grantloop`,
    sequence: t.version,
    summary: `${label}: ${t.title}`,
    description: `Joint tender "${t.title}" (${t.status}).`,
    // The instant as stored: it is read on London's clock (and checked) where the feed is written.
    start: iso,
    minutes: 30,
    url: staffPageUrl(staffPaths.tender(t.id)),
    ...(t.status === 'cancelled' ? { cancelled: true } : {}),
  });
  return [
    at('clarifications', 'Clarification questions close', t.dates.clarificationDeadline),
    at('submissions', 'Bids close', t.dates.submissionDeadline),
    at('award', 'Award decision', t.dates.awardDecision),
    ...(t.standstill ? [at('standstill', 'Standstill ends', t.standstill.endsAt)] : []),
  ];
}
