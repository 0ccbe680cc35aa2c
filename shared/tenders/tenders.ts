import { loadConsortium, requireReader } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import type { Consortium } from '../consortia/consortium';
import { DomainError, notFound } from '../platform/errors';
import { retryStale } from '../platform/versioned';
import { makeEvent, subject, type TenderChange, type TendersEvent, tenderEventData } from './events';
import type { TendersDeps } from './store';
import type { Tender, TenderStatus } from './tender';

/** What most tender use cases read and write. */
export type TenderRecords = Pick<TendersDeps, 'consortia' | 'tenders' | 'clock'>;

export async function loadTender(deps: Pick<TendersDeps, 'tenders' | 'consortia'>, tenderId: string) {
  const tender = await deps.tenders.getTender(tenderId);
  if (!tender) throw notFound('tender', tenderId);
  const consortium = await loadConsortium(deps, tender.consortiumId);
  return { tender, consortium };
}

/** The tender and its consortium, if the caller may read it (outsiders get not-found). */
export async function readableTender(deps: Pick<TendersDeps, 'tenders' | 'consortia'>, caller: Caller, tenderId: string) {
  const found = await loadTender(deps, tenderId);
  requireReader(caller, found.consortium, 'tender', tenderId);
  return found;
}

/**
 * Applies a change to the tender as it is now and saves it under its version; if someone else
 * saved first (the tender's version, or the pool's sequence when the change moves pool money),
 * reads it again and re-applies: the change decides afresh whether it still may (retryStale).
 */
export function changeTender<T>(
  deps: Pick<TendersDeps, 'tenders' | 'consortia'>,
  /** A tender id, or the id and the person acting: someone in no member organisation then gets not-found, as for a made-up id. */
  which: string | { tenderId: string; as: Caller },
  change: (tender: Tender, consortium: Consortium) => Promise<T>,
): Promise<T> {
  const tenderId = typeof which === 'string' ? which : which.tenderId;
  return retryStale(async () => {
    const { tender, consortium } = await loadTender(deps, tenderId);
    if (typeof which !== 'string') requireReader(which.as, consortium, 'tender', tenderId);
    return change(tender, consortium);
  });
}

/** Saves the tender moved on by one version, with the event describing the change. */
export async function save<K extends TendersEvent>(
  deps: Pick<TendersDeps, 'tenders' | 'clock'>,
  tender: Tender,
  next: Partial<Tender>,
  type: K,
  actor: string,
  data: TenderChange<K>,
): Promise<Tender> {
  const saved: Tender = { ...tender, ...next, version: tender.version + 1 };
  const payload = tenderEventData<K>({ tenderId: tender.id, status: saved.status }, data);
  const event = makeEvent(type, subject.tender(tender.id), actor, payload, deps.clock.now());
  await deps.tenders.saveTender(saved, tender.version, event);
  return saved;
}

export function requireStatus(tender: Tender, allowed: TenderStatus[], doing: string): void {
  if (!allowed.includes(tender.status))
    throw new DomainError('conflict', `tender ${tender.title} is ${tender.status}; ${doing} needs it to be ${allowed.join(' or ')}`, [], {
      rule: 'tender-status',
      status: tender.status,
    });
}

export async function listTenders(deps: TenderRecords, caller: Caller, consortiumId: string) {
  const consortium = await loadConsortium(deps, consortiumId);
  requireReader(caller, consortium, 'consortium', consortiumId);
  return deps.tenders.listTenders(consortiumId);
}
