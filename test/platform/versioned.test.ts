import { describe, expect, it } from 'vitest';
import { DomainError, StaleWriteError } from '../../shared/platform/errors';
import { ATTEMPTS, backoffMs, changeVersioned, retryStale, type Waiter } from '../../shared/platform/versioned';

/** A waiter that records what it was asked to sleep and returns at once. */
const recording = () => {
  const slept: number[] = [];
  const waiter: Waiter = { sleep: async (ms) => void slept.push(ms) };
  return { slept, waiter };
};

/** A versioned record in memory, written only under the version it was read at. */
const record = (value: number) => {
  const stored = { value, version: 1 };
  return {
    stored,
    read: async () => ({ ...stored }),
    write: async (next: number, expected: number) => {
      if (stored.version !== expected) throw new StaleWriteError('thing', 'T1');
      stored.value = next;
      stored.version++;
    },
  };
};

describe('changing a versioned record (retryStale, changeVersioned)', () => {
  it('retries a stale write on a fresh read, and the change is decided again from what was read', async () => {
    const r = record(10);
    const { slept, waiter } = recording();
    const seen: number[] = [];
    let others = 2;
    const result = await changeVersioned(
      {
        read: async () => {
          const current = await r.read();
          // Someone else writes between this read and the write, twice.
          if (others-- > 0) await r.write(current.value + 100, current.version);
          return current;
        },
        change: (current) => {
          seen.push(current.value);
          return current.value + 1;
        },
        write: async (next, current) => {
          await r.write(next, current.version);
          return next;
        },
      },
      { waiter, random: () => 0.5 },
    );
    expect(seen).toEqual([10, 110, 210]);
    expect(result).toBe(211);
    expect(r.stored).toEqual({ value: 211, version: 4 });
    // Capped, jittered exponential backoff between attempts, none after the last.
    expect(slept).toEqual([backoffMs(0, () => 0.5), backoffMs(1, () => 0.5)]);
    expect(slept).toEqual([4, 6]);
  });

  it('backs off exponentially with full jitter, never more than the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((n) => backoffMs(n, () => 0.999_999))).toEqual(
      [4, 8, 16, 32, 64, 100, 100].map((ceiling) => expect.closeTo(2 + ceiling, 2)),
    );
    expect(backoffMs(7, () => 0)).toBe(2);
  });

  it('gives a clear 409 once the budget is spent: the record, how many attempts, try again', async () => {
    const { slept, waiter } = recording();
    let tries = 0;
    const busy = retryStale(
      async () => {
        tries++;
        throw new StaleWriteError('tender', 'T9');
      },
      { waiter },
    );
    await expect(busy).rejects.toMatchObject({
      kind: 'conflict',
      name: 'ConflictError',
      message: `tender T9 was changed by others ${ATTEMPTS} times while this was being saved; try again in a moment`,
      details: { rule: 'tender-busy', attempts: ATTEMPTS },
    });
    expect(tries).toBe(ATTEMPTS);
    expect(slept).toHaveLength(ATTEMPTS - 1);
    expect(Math.max(...slept)).toBeLessThanOrEqual(102);
    // A smaller budget is still one budget.
    let few = 0;
    await expect(
      retryStale(
        async () => {
          few++;
          throw new StaleWriteError('contract', 'C1');
        },
        { waiter, attempts: 3 },
      ),
    ).rejects.toMatchObject({ details: { rule: 'contract-busy', attempts: 3 } });
    expect(few).toBe(3);
  });

  it('a record may say what busy means for it (a pool: an error the workflows wait out)', async () => {
    class StalePool extends StaleWriteError {
      override busy() {
        return new DomainError('conflict', 'the pool is very busy');
      }
    }
    const { waiter } = recording();
    await expect(
      retryStale(
        async () => {
          throw new StalePool('pool', 'P1');
        },
        { waiter, attempts: 2 },
      ),
    ).rejects.toMatchObject({ message: 'the pool is very busy' });
  });

  it('never retries anything but a stale write: a refusal or a failure goes straight out', async () => {
    const { slept, waiter } = recording();
    for (const error of [new DomainError('conflict', 'not enough money', [], { rule: 'bucket-not-negative' }), new Error('network')]) {
      let tries = 0;
      await expect(
        retryStale(
          async () => {
            tries++;
            throw error;
          },
          { waiter },
        ),
      ).rejects.toBe(error);
      expect(tries).toBe(1);
    }
    expect(slept).toEqual([]);
  });

  it('does not nest: inside an attempt, an inner change tries once and its stale write re-runs the outer attempt', async () => {
    const { slept, waiter } = recording();
    let outer = 0;
    let inner = 0;
    const result = await retryStale(
      async () => {
        outer++;
        return retryStale(
          async () => {
            inner++;
            if (inner < 3) throw new StaleWriteError('pool', 'P1');
            return 'written';
          },
          { waiter },
        );
      },
      { waiter },
    );
    expect(result).toBe('written');
    // The inner change made no retries of its own: each stale write cost one outer attempt.
    expect({ outer, inner, sleeps: slept.length }).toEqual({ outer: 3, inner: 3, sleeps: 2 });
    // And the budget is the outer one: a record stale forever costs ATTEMPTS inner tries, not ATTEMPTS².
    let forever = 0;
    await expect(
      retryStale(
        async () =>
          retryStale(async () => {
            forever++;
            throw new StaleWriteError('pool', 'P1');
          }),
        { waiter },
      ),
    ).rejects.toMatchObject({ details: { rule: 'pool-busy' } });
    expect(forever).toBe(ATTEMPTS);
  });

  it('outside an attempt again, a change has its own budget (side by side changes do not share one)', async () => {
    const { waiter } = recording();
    await retryStale(async () => 'first', { waiter });
    let tries = 0;
    const second = await retryStale(
      async () => {
        if (++tries < 2) throw new StaleWriteError('thing', 'T1');
        return tries;
      },
      { waiter },
    );
    expect(second).toBe(2);
  });
});
