import { AsyncLocalStorage } from 'node:async_hooks';
import { StaleWriteError } from './errors';

/**
 * One way to change a versioned record (a tender, a contract, a pool's ledger): read it, decide
 * the change from what was read, write it under `version = :expected` with its event in the same
 * transaction. A write that finds the version moved throws StaleWriteError, and the whole
 * attempt runs again on a fresh read, within one attempt budget. Business refusals (DomainErrors
 * other than StaleWriteError) and failures are never retried here.
 */

/** How the retry loop sleeps between attempts; tests inject one that does not. */
export interface Waiter {
  sleep(ms: number): Promise<void>;
}

export const timers: Waiter = { sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

export interface RetryOptions {
  waiter?: Waiter;
  /** The one budget for the whole change, reads and writes of every record it touches included. */
  attempts?: number;
  /** 0 ≤ r < 1; injected by tests that check the backoff. */
  random?: () => number;
}

/**
 * Enough for dozens of writers on one record (the bench's 32 clients on one pool, a batch of
 * tranche payments at 09:00); a workflow's Retry waits out anything longer.
 */
export const ATTEMPTS = 60;
const CAP_MS = 100;

/**
 * Exponential backoff with full jitter, capped: with a few writers it retries almost at once;
 * with dozens they spread out instead of re-reading and cancelling transactions in lockstep.
 */
export const backoffMs = (attempt: number, random: () => number = Math.random): number => 2 + random() * Math.min(CAP_MS, 4 * 2 ** attempt);

/** Set while an attempt runs: a retryStale called inside it is part of the outer attempt. */
const attempting = new AsyncLocalStorage<true>();

/**
 * Runs `attempt` (which reads, decides and writes) until it does not throw StaleWriteError, at
 * most `attempts` times, sleeping a capped, jittered backoff in between. When every attempt was
 * stale, the last stale error says what a busy record means (`StaleWriteError.busy`).
 *
 * Retries never nest: called inside another retryStale's attempt (a tender change that moves
 * pool money), it makes one attempt and lets a stale write go out to the outer loop, which reads
 * everything again. So a change has one budget, not one per record multiplied together.
 */
export async function retryStale<T>(attempt: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  if (attempting.getStore()) return attempt();
  const { waiter = timers, attempts = ATTEMPTS, random = Math.random } = options;
  for (let i = 1; ; i++) {
    try {
      return await attempting.run(true, attempt);
    } catch (error) {
      if (!(error instanceof StaleWriteError)) throw error;
      if (i >= attempts) throw error.busy(attempts);
      await waiter.sleep(backoffMs(i - 1, random));
    }
  }
}

/** The three steps of a change to one versioned record. */
export interface VersionedChange<R, P, T> {
  /** The record as it is now (its version included). */
  read(): Promise<R>;
  /** Pure: what to write, decided from the record as read; throws a DomainError to refuse. */
  change(current: R): P;
  /** Writes the change under the version read, with its event, in one transaction; StaleWriteError if the version moved. */
  write(planned: P, current: R): Promise<T>;
}

/** read → change → write, retried as a whole on a stale write (retryStale). */
export const changeVersioned = <R, P, T>(steps: VersionedChange<R, P, T>, options: RetryOptions = {}): Promise<T> =>
  retryStale(async () => {
    const current = await steps.read();
    return steps.write(steps.change(current), current);
  }, options);
