import { actingOrg, loadConsortium, mayAct, requireReader } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import { conflict, invalid, notFound } from '../platform/errors';
import { placeByCode } from '../platform/places/places';
import { makeEvent, subject } from './events';
import {
  defaultSettings,
  type GrantPublishing,
  type GrantPublishingRecord,
  MAX_GRANT_AREAS,
  PURPOSE_MAX,
  type PublishingSettings,
} from './settings';
import type { PublishingDeps, PublishingStore } from './store';

type D = Pick<PublishingDeps, 'consortia' | 'publishing' | 'clock'>;

/**
 * The consortium's publishing settings as stored, or the defaults (nothing public, CC BY 4.0)
 * when the lead has not chosen yet: what the pages, the feeds' builder and the self-check read.
 */
export async function publishingSettings(
  deps: { publishing: Pick<PublishingStore, 'getSettings'> },
  consortiumId: string,
): Promise<PublishingSettings> {
  return (await deps.publishing.getSettings(consortiumId)) ?? defaultSettings(consortiumId);
}

/** What the lead chooses; the rest of the settings (version, who, when) the use case adds. */
export type SettingsInput = Pick<PublishingSettings, 'published' | 'licence' | 'show'> & {
  placeCode?: string | undefined;
  purpose?: string | undefined;
};

/** The settings, to anyone in a member organisation, and whether the caller may change them (the lead's officers). */
export async function publishingView(deps: D, caller: Caller, consortiumId: string) {
  const consortium = await loadConsortium(deps, consortiumId);
  requireReader(caller, consortium, 'consortium', consortiumId);
  const settings = await publishingSettings(deps, consortiumId);
  return {
    consortium: { id: consortium.id, name: consortium.name, place: consortium.place },
    settings,
    canManage: mayAct(caller, consortium, ['lead'], 'officer'),
  };
}

/** A place named must be on the shipped list: a code typed or made up would publish a wrong location. */
function checkPlaces(field: string, codes: string[]): void {
  const unknown = codes.find((code) => !placeByCode(code));
  if (unknown) throw invalid(field, 'known-place', `${unknown} is not on grantloop’s list of English places`);
  if (new Set(codes).size !== codes.length) throw invalid(field, 'unique', 'names the same place twice');
}

/**
 * The lead's officers choose what the consortium publishes (issue 28). Written as one record with
 * its event under the version read, so two leads saving at once cannot overwrite each other
 * unseen. Turning publishing on asks `readyToPublish` (the self-check) first, when given.
 */
export async function setPublishingSettings(
  deps: D & Pick<PublishingDeps, 'readyToPublish'>,
  caller: Caller,
  consortiumId: string,
  input: SettingsInput,
): Promise<PublishingSettings> {
  const consortium = await loadConsortium(deps, consortiumId);
  actingOrg(caller, consortium, ['lead'], 'officer');
  if (input.placeCode !== undefined) checkPlaces('placeCode', [input.placeCode]);
  const purpose = input.purpose?.trim() || undefined;
  if (purpose && purpose.length > PURPOSE_MAX) throw invalid('purpose', 'too_big', `must be ${PURPOSE_MAX} characters or fewer`);
  const current = await publishingSettings(deps, consortiumId);
  const now = deps.clock.now();
  const next: PublishingSettings = {
    consortiumId,
    published: input.published,
    licence: input.licence,
    ...(input.placeCode ? { placeCode: input.placeCode } : {}),
    show: { ...input.show },
    ...(purpose ? { purpose } : {}),
    ...(current.firstPublishedAt || input.published ? { firstPublishedAt: current.firstPublishedAt ?? now.toISOString() } : {}),
    updatedAt: now.toISOString(),
    updatedBy: caller.user.id,
    version: current.version + 1,
  };
  // Checked against the settings as they will be (what is shown decides what is checked), when
  // publishing begins and when grants become public on a consortium already published.
  const grantsNowPublic = next.published && next.show.grants && !(current.published && current.show.grants);
  if (grantsNowPublic && deps.readyToPublish) {
    const why = await deps.readyToPublish(next);
    if (why) throw conflict(why, { rule: 'not-ready-to-publish' });
  }
  const { placeCode, show, published, licence, version } = next;
  await deps.publishing.saveSettings(
    next,
    current.version,
    makeEvent(
      'consortium.publishing-set',
      subject.consortium(consortiumId),
      caller.user.id,
      { consortiumId, published, licence, show, version, ...(placeCode ? { placeCode } : {}) },
      now,
    ),
  );
  return next;
}

type GrantDeps = D & Pick<PublishingDeps, 'pools'>;

/** The grant, its consortium, and its publishing details (none chosen yet: no areas, no functions). */
async function grantAndDetails(deps: GrantDeps, caller: Caller, grantId: string) {
  const found = await deps.pools.getGrant(grantId);
  if (!found) throw notFound('grant', grantId);
  const { grant } = found;
  const consortium = await loadConsortium(deps, grant.consortiumId);
  requireReader(caller, consortium, 'grant', grantId);
  const stored = await deps.publishing.getGrantPublishing(consortium.id, grantId);
  return { grant, consortium, stored };
}

/** A grant's publishing details, to anyone in a member organisation, and whether the caller may set them. */
export async function grantPublishingView(deps: GrantDeps, caller: Caller, grantId: string) {
  const { grant, consortium, stored } = await grantAndDetails(deps, caller, grantId);
  const recipient = await deps.consortia.getOrganisation(grant.recipientOrgId);
  const publishing: GrantPublishing = { grantId, areaCodes: stored?.areaCodes ?? [], functions: stored?.functions ?? [] };
  return {
    grant: { id: grant.id, title: grant.title, recipientName: recipient?.name ?? 'the recipient' },
    consortium: { id: consortium.id, name: consortium.name },
    publishing,
    canManage: mayAct(caller, consortium, ['lead', 'member'], 'officer'),
  };
}

/**
 * Officers of the consortium's funders (its lead and members) say where a grant benefits and which
 * functions of local infrastructure it pays for: its 360Giving beneficiary locations and
 * classifications. One record per grant, saved with its event under the version read.
 */
export async function setGrantPublishing(
  deps: GrantDeps,
  caller: Caller,
  grantId: string,
  input: Pick<GrantPublishing, 'areaCodes' | 'functions'>,
): Promise<GrantPublishingRecord> {
  const { consortium, stored } = await grantAndDetails(deps, caller, grantId);
  actingOrg(caller, consortium, ['lead', 'member'], 'officer', { what: 'grant', id: grantId });
  if (input.areaCodes.length > MAX_GRANT_AREAS) throw invalid('areaCodes', 'too_big', `must name at most ${MAX_GRANT_AREAS} places`);
  checkPlaces('areaCodes', input.areaCodes);
  if (new Set(input.functions).size !== input.functions.length) throw invalid('functions', 'unique', 'names the same function twice');
  const now = deps.clock.now();
  const expected = stored?.version ?? 0;
  const next: GrantPublishingRecord = {
    consortiumId: consortium.id,
    grantId,
    areaCodes: [...input.areaCodes],
    functions: [...input.functions],
    updatedAt: now.toISOString(),
    updatedBy: caller.user.id,
    version: expected + 1,
  };
  const { areaCodes, functions, version } = next;
  await deps.publishing.saveGrantPublishing(
    next,
    expected,
    makeEvent(
      'grant.publishing-set',
      subject.grant(grantId),
      caller.user.id,
      { grantId, consortiumId: consortium.id, areaCodes, functions, version },
      now,
    ),
  );
  return next;
}
