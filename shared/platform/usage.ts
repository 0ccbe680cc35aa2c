/**
 * Usage as the engines report it (consumed capacity, invocations, state transitions,
 * schedules fired). It feeds the cost model of what a run would cost on AWS. In Lambda the
 * counters simply live for one container; the local runtime reads them for the demo.
 */
export interface Usage {
  dynamodbReadUnits: number;
  dynamodbWriteUnits: number;
  stateTransitions: number;
  lambdaInvocations: number;
  schedulesFired: number;
}

const counters: Usage = {
  dynamodbReadUnits: 0,
  dynamodbWriteUnits: 0,
  stateTransitions: 0,
  lambdaInvocations: 0,
  schedulesFired: 0,
};

export function recordUsage(metric: keyof Usage, amount: number): void {
  counters[metric] += amount;
}

export function usageSnapshot(): Usage {
  return { ...counters };
}

export function resetUsage(): void {
  for (const key of Object.keys(counters) as (keyof Usage)[]) counters[key] = 0;
}
