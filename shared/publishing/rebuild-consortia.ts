import { consortiaOf, type SubjectReaders } from './consortia-of';
import type { BuiltDocument } from './documents';
import { type RebuildDeps, type RebuildOutcome, rebuildDocuments } from './rebuild';

export type BuildDocuments = (consortiumId: string, now: Date) => Promise<BuiltDocument[]>;

/** Every consortium the event's subject belongs to, rebuilt in turn; what each rebuild did, by consortium. */
export async function rebuildConsortia(
  deps: SubjectReaders & RebuildDeps,
  subject: string,
  build: BuildDocuments,
): Promise<Record<string, RebuildOutcome>> {
  const outcomes: Record<string, RebuildOutcome> = {};
  for (const consortiumId of await consortiaOf(deps, subject)) {
    outcomes[consortiumId] = await rebuildDocuments(deps, consortiumId, (now) => build(consortiumId, now));
  }
  return outcomes;
}
