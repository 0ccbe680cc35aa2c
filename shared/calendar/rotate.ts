import { type Caller, requireOrgRole } from '../consortia/caller';
import type { ConsortiaStore } from '../consortia/store';
import { loadCouncil, readableContract, requireCouncilReader } from '../contracts/contracts';
import type { ContractStore } from '../contracts/store';
import { linkUrl } from '../platform/links/registry';
import { newLinkToken } from '../platform/links/token';
import type { PlatformStore } from '../platform/ports';
import { makeEvent, subject } from './events';
import { type FeedOwner, keys } from './keys';

/** Making and rotating feeds, apart from rendering them, so a page that rotates bundles no calendar generator. */
interface RotateDeps {
  platform: PlatformStore;
  consortia: ConsortiaStore;
  contracts: Pick<ContractStore, 'getContract'>;
  clock: { now(): Date };
}

export type FeedScope = { kind: 'calendar-feed'; owner: FeedOwner['kind']; id: string };
export const FEED_LINK = { kind: 'calendar-feed', path: '/cal' } as const;
/** Feeds are subscribed to for years; rotating is how a council ends one. */
const FEED_YEARS = 10;

/** Only the council's officers make or rotate its feeds (a feed shows what the council manages). */
async function requireFeedOfficer(deps: Pick<RotateDeps, 'consortia' | 'contracts'>, caller: Caller, owner: FeedOwner): Promise<string> {
  const councilOrgId = owner.kind === 'council' ? owner.id : (await readableContract(deps, caller, owner.id)).councilOrgId;
  requireCouncilReader(caller, councilOrgId, owner.kind, owner.id);
  requireOrgRole(caller, councilOrgId, 'officer');
  return (await loadCouncil(deps, councilOrgId)).id;
}

/**
 * A new secret feed URL, shown once (only its hash is kept); the previous URL stops working in
 * the same write. Calendars subscribed to the old one see it as gone.
 */
export async function rotateFeed(deps: RotateDeps, caller: Caller, owner: FeedOwner) {
  await requireFeedOfficer(deps, caller, owner);
  const pointer = keys.feed(owner);
  const previous = await deps.platform.getCurrentLink(pointer);
  const now = deps.clock.now();
  const { token, hash } = newLinkToken();
  const expires = new Date(now);
  expires.setUTCFullYear(expires.getUTCFullYear() + FEED_YEARS);
  const scope: FeedScope = { kind: 'calendar-feed', owner: owner.kind, id: owner.id };
  await deps.platform.rotateLink(
    pointer,
    { hash, scope, status: 'active', expiresAt: expires.toISOString(), createdAt: now.toISOString() },
    previous?.hash,
    makeEvent(
      'calendar.feed-rotated',
      subject(owner),
      caller.user.id,
      { owner: owner.kind, id: owner.id, replaced: Boolean(previous) },
      now,
    ),
  );
  return { url: linkUrl(FEED_LINK.path, token), createdAt: now.toISOString(), replaced: Boolean(previous) };
}

/** Whether an owner has a feed, and since when (the URL itself cannot be shown again). */
export async function feedStatus(deps: Pick<RotateDeps, 'platform'>, owner: FeedOwner) {
  const current = await deps.platform.getCurrentLink(keys.feed(owner));
  return current ? { exists: true as const, createdAt: current.createdAt } : { exists: false as const };
}
