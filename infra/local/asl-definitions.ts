import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import type { WorkflowSpec } from '../../shared/platform/catalog';

// aws-local-stepfunctions calls Promise.withResolvers (Node 22); without it every Task throws a
// TypeError that a `Catch: States.ALL` would silently swallow.
if (!('withResolvers' in Promise)) {
  Object.assign(Promise, {
    withResolvers<T>() {
      let resolve!: (v: T) => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}

export type Json = Record<string, unknown>;
export type StateDef = Json & { Type: string; Resource?: string; TimeoutSeconds?: number; Retry?: unknown[] };

export const isCallbackTask = (s: StateDef) => s.Type === 'Task' && String(s.Resource).endsWith('.waitForTaskToken');

/** Reads an ASL file and applies the same `${Name}` substitutions the CDK stack applies. */
export function loadDefinition(root: string, spec: WorkflowSpec, arnOf: (fn: string) => string): Json {
  let text = readFileSync(resolve(root, spec.file), 'utf8');
  for (const [placeholder, fn] of Object.entries(spec.substitutions)) text = text.replaceAll(`\${${placeholder}}`, arnOf(fn));
  const left = /\$\{[A-Za-z0-9]+\}/.exec(text);
  if (left) throw new Error(`${spec.file}: no substitution for ${left[0]}`);
  return JSON.parse(text) as Json;
}

export function eachState(def: Json, visit: (name: string, state: StateDef) => void): void {
  for (const [name, state] of Object.entries(def.States as Record<string, StateDef>)) {
    visit(name, state);
    for (const branch of (state.Branches as Json[] | undefined) ?? []) eachState(branch, visit);
    const iterator = (state.ItemProcessor ?? state.Iterator) as Json | undefined;
    if (iterator) eachState(iterator, visit);
  }
}

/** A resumed execution starts at a later state, which leaves earlier ones unreachable: the file itself was validated at start. */
export function engineFor(definition: Json, resumed = false): StateMachine {
  return new StateMachine(definition as unknown as StateMachineDefinition, {
    validationOptions: resumed ? { noValidate: true } : { checkArn: false },
  });
}
