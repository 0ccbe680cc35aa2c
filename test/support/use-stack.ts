import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { SeededFunder } from '../../infra/local/scenario';
import { launchChromium } from './browser';
import { startTestStack, type TestStack } from './stack';

/**
 * A value a test file names at the top but makes in `beforeAll`: `ref` stands for it from the
 * start and forwards every read to it once `set`. So the file keeps one `const` instead of a `let`
 * assigned in a hook, and a read before the hook ran says so instead of failing on `undefined`.
 */
export function late<T extends object>(what: string): { ref: T; set(value: T): void; get(): T | undefined } {
  let live: T | undefined;
  const ref = new Proxy({} as T, {
    get(_, key) {
      // `await` and the test runner's printing probe these; they must not throw before the hook ran.
      if (typeof key === 'symbol' || key === 'then') return live ? Reflect.get(live, key) : undefined;
      if (!live) throw new Error(`${what} read before the beforeAll that makes it`);
      const value = Reflect.get(live, key);
      // Bound so that a class's methods (Chromium's Browser) see their own object, not the stand-in.
      return typeof value === 'function' ? value.bind(live) : value;
    },
    has: (_, key) => live !== undefined && key in live,
  });
  return { ref, set: (value) => (live = value), get: () => live };
}

export interface StackOptions<F extends object> {
  /** Seeds the example funders (`stack.seed()`) into `funders`. */
  seed?: boolean;
  /** Launches Chromium into `browser`, closed after the file's tests. */
  browser?: boolean;
  /** Builds the file's fixture from the started stack (and the funders, when seeded) into `fixture`. */
  fixture?: (stack: TestStack, funders: SeededFunder[]) => Promise<F>;
}

export interface StackHandle<F extends object> {
  stack: TestStack;
  /** The seeded funders, in seeding order; empty unless `seed` was asked for. */
  funders: SeededFunder[];
  /** The i-th seeded funder (the first is the council that leads the example consortium). */
  funder(i: number): SeededFunder;
  browser: Browser;
  fixture: F;
}

/**
 * One real local stack for a test file (`startTestStack`): registers the `beforeAll` that starts
 * it (then seeds, launches Chromium and builds the fixture, as asked) and the `afterAll` that
 * stops it. The file states only what it adds: its own `beforeAll`, registered after this call,
 * runs after the stack is ready (vitest runs a file's hooks in the order they were registered).
 */
export function useTestStack<F extends object = never>(options: StackOptions<F> = {}): StackHandle<F> {
  const stack = late<TestStack>('the test stack');
  const browser = late<Browser>('Chromium');
  const fixture = late<F>("the test file's fixture");
  const funders: SeededFunder[] = [];
  beforeAll(async () => {
    stack.set(await startTestStack());
    if (options.seed) funders.push(...(await stack.ref.seed()));
    if (options.browser) browser.set(await launchChromium());
    if (options.fixture) fixture.set(await options.fixture(stack.ref, funders));
  });
  afterAll(async () => {
    await browser.get()?.close();
    await stack.get()?.stop();
  });
  const funder = (i: number) => {
    const found = funders[i];
    if (!found) throw new Error(`no seeded funder ${i} (${funders.length} seeded)`);
    return found;
  };
  return { stack: stack.ref, funders, funder, browser: browser.ref, fixture: fixture.ref };
}
