import { keys as consortiaKeys } from '../consortia/keys';
import { keys as contractKeys } from '../contracts/keys';
import { key } from '../platform/keys';

export type FeedOwner = { kind: 'council'; id: string } | { kind: 'contract'; id: string };

/** Keys of the records that say which calendar-feed link an owner uses now (only its hash). */
export const keys = {
  feed: (owner: FeedOwner) =>
    key(owner.kind === 'council' ? consortiaKeys.organisation(owner.id).pk : contractKeys.contract(owner.id).pk, 'CALENDAR-FEED'),
} as const;
