import { randomBytes } from 'node:crypto';

/**
 * Sortable ids: a millisecond timestamp followed by 80 random bits, Crockford base32 (ULID
 * layout). Sorting by id sorts by creation time, which keeps event and list queries in order.
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newId(now: Date): string {
  let t = now.getTime();
  let time = '';
  for (let i = 0; i < 10; i++) {
    time = (alphabet[t % 32] as string) + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes(10);
  let rand = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      rand += alphabet[(acc >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return time + rand;
}
