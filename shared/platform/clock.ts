/** What use cases read the time from. */
export interface Clock {
  now(): Date;
}

/**
 * The clock every handler reads. On AWS it is the system clock; the local runtime installs its
 * own clock here, so a simulated year runs in seconds and the same run gives the same result.
 */
export const systemClock: Clock = { now: () => new Date() };

let current: Clock = systemClock;

export const clock: Clock = { now: () => current.now() };

export function useClock(next: Clock): void {
  current = next;
}
