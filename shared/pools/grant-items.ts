import { amendmentRecord, grantOf, grantRecord } from '../grants/codecs';
import { keys as grantKeys } from '../grants/keys';
import type { Item } from '../platform/codec';
import { shareRecord } from './codecs';
import { keys } from './keys';

/**
 * A grant with its funders' shares and the changes recorded under it, from its partition (one
 * Query on `GRANT#<id>`): the grant and its amendments are the grants feature's records, read with
 * its codecs; the shares are pool money. Undefined without the grant item.
 */
export function grantWithShares(items: Item[], grantId: string) {
  const header = grantRecord.fromOptional(items.find((i) => i.sk === grantKeys.grant(grantId).sk));
  if (!header) return undefined;
  const under = (prefix: string) => items.filter((i) => String(i.sk).startsWith(prefix));
  const shares = under(keys.prefix.share).map((i) => {
    const { grantId: _g, ...share } = shareRecord.fromItem(i);
    return share;
  });
  // Read with it at no extra cost; 360Giving's modified date comes from them.
  const changes = under(grantKeys.prefix.amendment).map((i) => {
    const { kind, at } = amendmentRecord.fromItem(i);
    return { kind, at };
  });
  return { grant: grantOf(header), shares, changes };
}
