import { afterEach, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../infra/catalog';
import { functionEnvironments } from '../../infra/local/environments';
import { LocalEventBus } from '../../infra/local/event-bus';
import { LocalLambdas } from '../../infra/local/lambdas';
import { LocalScheduler } from '../../infra/local/scheduler';
import { LocalClock } from '../../infra/local/virtual-clock';
import { defineSlice } from '../../shared/platform/catalog';
import { useClock } from '../../shared/platform/clock';
import * as z from '../../shared/platform/zod';
import { root } from '../support/stack';

const fixture = (name: string) => `test/platform/fixtures/${name}.ts`;

/** A catalog of fixture functions, checked like the real one and run by the real local runtime parts. */
/** The probes are put on the bus directly, so their payload is anything. */
const probe = z.object({});
const catalog = buildCatalog([
  defineSlice({
    feature: 'fixtures',
    summary: 'handlers that probe the local runtime',
    functions: {
      readsSenderWithoutMail: { entry: fixture('reads-sender'), description: 'no mail need', needs: ['table-read'] },
      readsSenderWithMail: { entry: fixture('reads-sender'), description: 'mail need', needs: ['mail'] },
      firstConsumer: { entry: fixture('meets-partner'), description: 'consumer A', needs: [], async: true },
      secondConsumer: { entry: fixture('meets-partner'), description: 'consumer B', needs: [], async: true },
      brokenConsumer: { entry: fixture('always-fails'), description: 'always fails', needs: [], async: true },
      slow: { entry: fixture('sleeps'), description: 'outlives its timeout', needs: [], timeoutSeconds: 1 },
    },
    routes: [],
    rules: [
      { id: 'First', detailTypes: ['probe.pair'], fn: 'firstConsumer' },
      { id: 'Second', detailTypes: ['probe.pair'], fn: 'secondConsumer' },
      { id: 'Broken', detailTypes: ['probe.broken'], fn: 'brokenConsumer' },
    ],
    workflows: [],
    events: () => ({ 'probe.pair': probe, 'probe.broken': probe }),
    eventNotes: { 'probe.pair': { writtenBy: 'this test' }, 'probe.broken': { writtenBy: 'this test' } },
    linkKinds: [],
  }),
]);

const START = new Date('2026-04-01T09:00:00Z');
const urls = {
  dynamodb: 'http://127.0.0.1:9',
  mail: 'http://127.0.0.1:9',
  aws: 'http://127.0.0.1:9',
  api: 'http://127.0.0.1:9',
  table: 'grantloop',
};

function runtime() {
  const clock = new LocalClock('virtual', START);
  useClock(clock);
  const errors: string[] = [];
  const lambdas = new LocalLambdas(root, catalog, functionEnvironments(catalog, urls), clock, (e) => errors.push(e));
  const bus = new LocalEventBus(catalog, lambdas, clock, (e) => errors.push(e));
  const settle = async () => {
    while (lambdas.busy) await new Promise((r) => setTimeout(r, 5));
  };
  return { clock, lambdas, bus, errors, settle, advanceTo: (t: Date) => clock.advanceTo(t, settle) };
}

const globals = globalThis as Record<string, unknown>;
afterEach(() => {
  delete globals.__arrivals;
  delete globals.__failingAttempts;
});

describe('the local runtime behaves like AWS where it matters', () => {
  it('a handler runs with exactly the environment its needs produce: reading a variable it was not given fails', async () => {
    const { lambdas } = runtime();
    await expect(lambdas.invoke('readsSenderWithoutMail', {})).rejects.toThrow(
      /environment variable SENDER_EMAIL is not set: this function's catalog entry must declare the need 'mail'/,
    );
    await expect(lambdas.invoke('readsSenderWithMail', {})).resolves.toEqual({ sender: 'grantloop@grantloop.local' });
    // The runtime's own environment is not what handlers see.
    expect(process.env.AWS_LAMBDA_FUNCTION_NAME).toBeUndefined();
  });

  it('two consumers of one event run at the same time, each as its own asynchronous invocation', async () => {
    const { bus, settle, lambdas, errors } = runtime();
    bus.put([{ Source: 'grantloop', DetailType: 'probe.pair', Detail: '{}' }]);
    await settle();
    expect(errors).toEqual([]);
    expect(lambdas.deadLetters).toEqual([]);
    expect([...(globals.__arrivals as Set<string>)].sort()).toEqual(['grantloop-firstConsumer', 'grantloop-secondConsumer']);
  });

  it('a failing consumer is retried as Lambda retries asynchronous events (after 1 and then 2 minutes), then dead-lettered', async () => {
    const { bus, lambdas, advanceTo, settle } = runtime();
    bus.put([{ Source: 'grantloop', DetailType: 'probe.broken', Detail: JSON.stringify({ id: 'e1' }) }]);
    await settle();
    expect(globals.__failingAttempts).toEqual([START.toISOString()]);
    expect(lambdas.deadLetters).toEqual([]);
    await advanceTo(new Date(START.getTime() + 10 * 60_000));
    expect(globals.__failingAttempts).toEqual([
      START.toISOString(),
      new Date(START.getTime() + 60_000).toISOString(),
      new Date(START.getTime() + 180_000).toISOString(),
    ]);
    expect(lambdas.deadLetters).toEqual([
      {
        fn: 'brokenConsumer',
        event: expect.objectContaining({ 'detail-type': 'probe.broken' }),
        error: 'Error: the consumer is broken',
        attempts: 3,
      },
    ]);
  });

  it('a handler that runs past its timeout is failed as Lambda fails it', async () => {
    const { lambdas } = runtime();
    const started = Date.now();
    await expect(lambdas.invoke('slow', {})).rejects.toMatchObject({
      name: 'Sandbox.Timedout',
      message: 'Task timed out after 1.00 seconds',
    });
    expect(Date.now() - started).toBeLessThan(1900);
  });

  it('a schedule whose target cannot be invoked is retried with backoff, then dropped, as Scheduler does', async () => {
    const { lambdas, clock, advanceTo } = runtime();
    const errors: string[] = [];
    const scheduler = new LocalScheduler(lambdas, clock, (e) => errors.push(e));
    scheduler.create({
      Name: 'to-nowhere',
      ScheduleExpression: 'at(2026-04-01T10:00:00)',
      Target: { Arn: 'arn:aws:lambda:eu-west-2:000000000000:function:grantloop-missing', RetryPolicy: { MaximumRetryAttempts: 2 } },
    });
    await advanceTo(new Date('2026-04-01T10:00:30Z'));
    expect(scheduler.undelivered).toEqual([]);
    await advanceTo(new Date('2026-04-01T11:00:00Z'));
    expect(scheduler.undelivered).toEqual([
      { schedule: 'default/to-nowhere', error: expect.stringContaining('Function not found'), attempts: 3 },
    ]);
    expect(errors).toHaveLength(1);
  });
});
