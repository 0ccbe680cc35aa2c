import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Each handler sees exactly the environment its function has on AWS, as Lambda gives each
 * function its own process. The local runtime runs every handler in one process, so
 * `process.env` is replaced by a view that, inside an invocation, shows only that function's
 * variables; outside invocations (the runtime itself, tests, CLI tools) it shows the process's
 * own environment.
 */
const current = new AsyncLocalStorage<Record<string, string>>();
let installed = false;

export function installFunctionEnvironments(): void {
  if (installed) return;
  installed = true;
  const own = process.env;
  const target = () => current.getStore() ?? own;
  process.env = new Proxy(own, {
    get: (_t, key) => (typeof key === 'string' ? target()[key] : undefined),
    has: (_t, key) => key in target(),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_t, key) => {
      const value = typeof key === 'string' ? target()[key] : undefined;
      return value === undefined ? undefined : { value, writable: true, enumerable: true, configurable: true };
    },
    set: (_t, key, value) => {
      if (typeof key === 'string') target()[key] = String(value);
      return true;
    },
    deleteProperty: (_t, key) => {
      if (typeof key === 'string') delete target()[key];
      return true;
    },
  });
}

/** Runs `fn` (and everything it starts) with `env` as its whole environment. */
export function withEnvironment<T>(env: Record<string, string>, fn: () => T): T {
  installFunctionEnvironments();
  return current.run({ ...env }, fn);
}
