import type { Clock } from './ports';

/**
 * The clock every handler reads. On AWS it is the system clock; the local runtime installs a
 * virtual clock at its composition root so a simulated year runs in seconds.
 */
export const systemClock: Clock = { now: () => new Date() };

let current: Clock = systemClock;

export const clock: Clock = { now: () => current.now() };

export function useClock(next: Clock): void {
  current = next;
}
