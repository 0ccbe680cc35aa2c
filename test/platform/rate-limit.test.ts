import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../infra/local/rate-limit';
import { LocalClock } from '../../infra/local/virtual-clock';

const START = new Date('2026-04-01T09:00:00Z');
const at = (seconds: number) => new Date(START.getTime() + seconds * 1000);

function setup() {
  const clock = new LocalClock('virtual', START);
  const limiter = new RateLimiter({ limit: 10, windowSeconds: 60 }, clock);
  const move = (seconds: number) => clock.advanceTo(at(seconds), async () => {});
  const take = (n: number, client = 'a') => Array.from({ length: n }, () => limiter.take(client));
  return { move, take };
}

describe('the local link rate limit (the WAF rule on one machine)', () => {
  it('allows the limit, refuses the next with the seconds until the window has passed; other clients are counted apart', () => {
    const { take } = setup();
    expect(take(10).every((v) => v.allowed)).toBe(true);
    expect(take(1)).toEqual([{ allowed: false, retryAfterSeconds: 60 }]);
    expect(take(1, 'b')).toEqual([{ allowed: true }]);
  });

  it('slides: requests leave the count a window after they came, oldest first', async () => {
    const { move, take } = setup();
    take(6);
    await move(30);
    take(4);
    // 6 from 0 s and 4 from 30 s: full. The 6 leave at 60 s.
    expect(take(1)).toEqual([{ allowed: false, retryAfterSeconds: 30 }]);
    await move(60);
    expect(take(1)).toEqual([{ allowed: true }]);
  });

  it('counts refused requests too, as WAF does: a client that keeps sending stays refused', async () => {
    const { move, take } = setup();
    take(10);
    for (let s = 10; s <= 120; s += 10) {
      await move(s);
      expect(
        take(5).some((v) => v.allowed),
        `at ${s} s`,
      ).toBe(false);
    }
    await move(120 + 60);
    expect(take(1)).toEqual([{ allowed: true }]);
  });
});
