export class StepFunctionsError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/**
 * A callback task's token as it was handed out, journalled with its execution so that after a
 * restart the same token is waited on again (the function that stored it is not run twice) and
 * its timeout falls at the original moment; once the callback came, its outcome is kept until
 * the execution has moved past the state, so a restart in between does not wait for it again.
 */
export interface Parked {
  token: string;
  deadline?: string;
  outcome?: { output: unknown } | { error: string; cause: string };
}

/**
 * Which task a token belongs to: the state and what the state passed to its function, token
 * aside. Inside a Map this tells the iterations apart without knowing their index.
 */
export function parkKey(state: string, payload: unknown, token: string): string {
  return `${state}:${JSON.stringify(payload, (_k, v) => (v === token ? '<token>' : v))}`;
}

/** What a settled callback gives the engine again after a restart. */
export function replay(outcome: NonNullable<Parked['outcome']>): Promise<unknown> {
  return 'output' in outcome ? Promise.resolve(outcome.output) : Promise.reject(new StepFunctionsError(outcome.error, outcome.cause));
}
