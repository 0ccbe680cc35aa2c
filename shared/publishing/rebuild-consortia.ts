import { consortiaOf, type SubjectReaders } from './consortia-of';
import type { BuiltDocument } from './documents';
import { publishingSettings } from './publishing';
import { type RebuildDeps, type RebuildOutcome, rebuildDocuments } from './rebuild';
import type { PublishingStore } from './store';

export type BuildDocuments = (consortiumId: string, now: Date) => Promise<BuiltDocument[]>;

const untouched: RebuildOutcome = { written: [], unchanged: [], deleted: [], superseded: false };

/**
 * Every consortium the event's subject belongs to, rebuilt in turn; what each rebuild did, by
 * consortium. A consortium that is not published and was never rebuilt has nothing to build
 * and nothing to take down, so nothing is written for it (most consortia, most events). That is
 * safe against a publish racing this check: both reads are strongly consistent, and a rebuild
 * claims before it reads the settings, so the publish's own rebuild sees it.
 */
export async function rebuildConsortia(
  deps: SubjectReaders & RebuildDeps & { publishing: Pick<PublishingStore, 'getSettings'> },
  subject: string,
  build: BuildDocuments,
): Promise<Record<string, RebuildOutcome>> {
  const outcomes: Record<string, RebuildOutcome> = {};
  for (const consortiumId of await consortiaOf(deps, subject)) {
    const published = (await publishingSettings(deps, consortiumId)).published;
    if (!published && (await deps.feeds.lastClaim(consortiumId)) === undefined) {
      outcomes[consortiumId] = untouched;
      continue;
    }
    outcomes[consortiumId] = await rebuildDocuments(deps, consortiumId, (now) => build(consortiumId, now));
  }
  return outcomes;
}
