import { describe, expect, it } from 'vitest';
import { LocalClock } from '../../infra/local/virtual-clock';

describe('the local clock', () => {
  it('fires timers in time order at their own virtual moment, including ones added while advancing', async () => {
    const clock = new LocalClock('virtual', new Date('2026-03-28T00:00:00Z'));
    const seen: string[] = [];
    clock.at(new Date('2026-04-02T00:00:00Z'), 'b', () => {
      seen.push(`b@${clock.now().toISOString()}`);
    });
    clock.at(new Date('2026-03-30T00:00:00Z'), 'a', () => {
      seen.push(`a@${clock.now().toISOString()}`);
      clock.at(new Date('2026-03-31T00:00:00Z'), 'a2', () => {
        seen.push(`a2@${clock.now().toISOString()}`);
      });
    });
    const cancelled = clock.at(new Date('2026-03-29T00:00:00Z'), 'x', () => {
      seen.push('x');
    });
    cancelled();
    await clock.advanceTo(new Date('2026-04-05T00:00:00Z'), async () => {});
    expect(seen).toEqual(['a@2026-03-30T00:00:00.000Z', 'a2@2026-03-31T00:00:00.000Z', 'b@2026-04-02T00:00:00.000Z']);
    expect(clock.now().toISOString()).toBe('2026-04-05T00:00:00.000Z');
    expect(clock.pending()).toEqual([]);
  });

  it('does not move time backwards or fire future timers', async () => {
    const clock = new LocalClock('virtual', new Date('2026-04-10T00:00:00Z'));
    let fired = 0;
    clock.at(new Date('2026-05-01T00:00:00Z'), 'later', () => {
      fired++;
    });
    await clock.advanceTo(new Date('2026-04-01T00:00:00Z'), async () => {});
    expect(clock.now().toISOString()).toBe('2026-04-10T00:00:00.000Z');
    expect(fired).toBe(0);
  });
});
