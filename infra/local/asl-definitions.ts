import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import type { WorkflowSpec } from '../../shared/platform/catalog';
import { cachedText, hashOf } from './start-cache';

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

/**
 * An engine for a definition. A new one is checked by asl-validator (through the engine) once
 * per change of the definition or of either package, not on every start: the check compiles
 * its JSON schemas anew each time, about a fifth of a second a workflow. A resumed execution
 * starts at a later state, which leaves earlier ones unreachable: the file itself was checked.
 */
export function engineFor(definition: Json, resumed = false): StateMachine {
  const engine = (validationOptions: { noValidate: true } | { checkArn: false }) =>
    new StateMachine(definition as unknown as StateMachineDefinition, { validationOptions });
  if (!resumed) {
    const key = hashOf(JSON.stringify(definition), versionOf('asl-validator'), versionOf('aws-local-stepfunctions'));
    cachedText('asl-checked', key, () => {
      engine({ checkArn: false });
      return 'checked';
    });
  }
  return engine({ noValidate: true });
}

// Read from the folder, not resolved: aws-local-stepfunctions' exports do not include package.json.
const versionOf = (pkg: string) =>
  (JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string })
    .version;
