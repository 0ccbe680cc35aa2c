import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { names } from '../../shared/platform/catalog';
import { useClock } from '../../shared/platform/clock';
import { type Usage, usageSnapshot } from '../../shared/platform/usage';
import { buildAssets } from '../assets';
import { type Catalog, catalog as defaultCatalog, forTarget } from '../catalog';
import { startAwsEmulator } from './aws-emulator';
import { attachDynamoDbLocal, dropTable, ensureTable, startDynamoDbLocal } from './dynamodb-local';
import { functionEnvironments, operatorEnvironment } from './environments';
import { LocalEventBus } from './event-bus';
import type { FaultPlan } from './faults';
import { installFunctionEnvironments } from './function-env';
import { startHttpApi } from './http-api';
import { fileJournal, noJournal } from './journal';
import { localIssuerKeys } from './jwt-issuer';
import { LocalLambdas } from './lambdas';
import { claimPortBlock } from './port-claims';
import { isAlive, LocalSetupError, portInUse, recordEngines, stopStaleEngines } from './processes';
import { LocalScheduler } from './scheduler';
import { startSesLocal } from './ses-local';
import { LocalStepFunctions } from './step-functions';
import { StreamPoller } from './stream-poller';
import { startThrottleProxy } from './throttle-proxy';
import type { LocalClock } from './virtual-clock';

export interface Ports {
  api: number;
  mail: number;
  dynamodb: number;
  aws: number;
}

export const defaultPorts: Ports = { api: 4000, mail: 4005, dynamodb: 4002, aws: 4003 };

interface LocalOptions {
  root: string;
  stateDir: string;
  inMemory: boolean;
  /** Fixed ports, or undefined for free ones (tests, demo). */
  ports?: Ports;
  clock: LocalClock;
  log?: (line: string) => void;
  /** What to run: the real catalog unless a test brings its own. */
  catalog?: Catalog;
  /** The proof suite's fault plan: failing steps, router batches, events and throttled DynamoDB calls. */
  faults?: FaultPlan;
  /**
   * A DynamoDB Local already running, and a table of this runtime's own in it (made on start,
   * dropped on stop): the engines tests share one JVM across files. Without it the runtime
   * starts its own engine and uses the stack's table name.
   */
  sharedDynamoDb?: { endpoint: string; table: string };
}

export type LocalRuntime = Awaited<ReturnType<typeof startLocal>>;

const lockFile = (stateDir: string) => join(stateDir, 'runtime.json');
const enginesFile = (stateDir: string) => join(stateDir, 'engines.json');

/** One runtime per state folder: a second start gets a clear message, not a port crash. */
function takeLock(stateDir: string): void {
  const file = lockFile(stateDir);
  if (existsSync(file)) {
    const held = JSON.parse(readFileSync(file, 'utf8')) as { pid: number; api: string };
    if (held.pid !== process.pid && isAlive(held.pid)) {
      throw new LocalSetupError(
        `grantloop is already running (pid ${held.pid}, api=${held.api}).\n` +
          'Stop it with Ctrl-C in its terminal, or start another copy with its own state: npx grantloop start --dir <folder> --port <n>',
      );
    }
  }
}

/** The state folder is this runtime's: no other live runtime holds it, and nothing a dead one started is still running. */
async function claimFolder(stateDir: string, log: (line: string) => void): Promise<void> {
  mkdirSync(stateDir, { recursive: true });
  takeLock(stateDir);
  const stale = await stopStaleEngines(enginesFile(stateDir));
  if (stale) log(`stopped ${stale} engine process${stale === 1 ? '' : 'es'} a previous run on this folder left behind`);
}

export async function startLocal(options: LocalOptions) {
  const log = options.log ?? (() => {});
  const catalog = forTarget(options.catalog ?? defaultCatalog, 'local');
  const errors: string[] = [];
  const onError = (message: string) => {
    errors.push(message);
    log(`error: ${message}`);
  };
  await claimFolder(options.stateDir, log);
  const { stoppers, stop } = lifecycle(options.stateDir);
  const ports = await choosePorts(options.ports, stoppers);
  try {
    log('starting DynamoDB Local (Java)…');
    const { dynamo, ses, created, table } = await startEngines(options, ports, stoppers);
    const apiUrl = `http://127.0.0.1:${ports.api}`;
    const dynamodbUrl = await tableEndpoint(dynamo.endpoint, options.faults, stoppers);
    const urls = { dynamodb: dynamodbUrl, mail: ses.url, aws: `http://127.0.0.1:${ports.aws}`, api: apiUrl, table };
    installFunctionEnvironments();
    Object.assign(process.env, operatorEnvironment(urls));
    for (const v of ['AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL']) delete process.env[v];
    useClock(options.clock);

    const c = { ports, urls, dynamo, created, stoppers, onError };
    const { lambdas, sfn, bus, scheduler, poller, issuer } = await startEmulators(options, catalog, c);
    const components = () =>
      healthOf({ dynamo, ses, sfn, bus, lambdas, scheduler, poller, clock: options.clock, persistent: !options.inMemory });
    const assetsDir = buildAssets(options.root, join(options.stateDir, 'assets'));
    const http = await startHttpApi(ports.api, { catalog, lambdas, issuer, extraHealth: components, assetsDir });
    stoppers.push(() => closeServer(http));

    keepTime(options.clock, poller, stoppers, onError);
    writeFileSync(lockFile(options.stateDir), JSON.stringify({ pid: process.pid, api: apiUrl, mail: ses.url, dynamodb: dynamo.endpoint }));

    const settle = settler(poller, () => lambdas.busy || sfn.busy);
    return {
      apiUrl,
      /** Staff pages: the same HTTP front door as the API (one origin, as CloudFront gives on AWS). */
      webUrl: `${apiUrl}/app`,
      mailUrl: ses.url,
      dynamodbEndpoint: dynamo.endpoint,
      table,
      tableCreated: created,
      clock: options.clock,
      issuer,
      lambdas,
      sfn,
      bus,
      scheduler,
      poller,
      errors,
      emails: () => ses.emails(),
      components,
      settle,
      /** `settleMs` bounds each settle on the way; a year at scale fires batches that take longer than a test's. */
      advanceTo: (when: Date, settleMs?: number) => options.clock.advanceTo(when, () => settle(settleMs)),
      /** After a history played on the virtual clock: from now on time is the wall clock's. */
      followWallClock: () => {
        options.clock.followWallClock();
        keepTime(options.clock, poller, stoppers, onError, false);
      },
      usage: (): Usage => usageSnapshot(),
      /** Runs code as a given function would run on AWS (its environment only): for tests of the runtime itself. */
      environmentOf: functionEnvironments(catalog, urls),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The table as the functions reach it: through the throttling proxy when a fault plan is on. */
async function tableEndpoint(direct: string, faults: FaultPlan | undefined, stoppers: (() => Promise<void> | void)[]): Promise<string> {
  if (!faults) return direct;
  const proxy = await startThrottleProxy(direct, faults);
  stoppers.push(() => closeServer(proxy.server));
  return proxy.url;
}

/** Lambda, Step Functions, EventBridge, Scheduler and the stream mapping, on the same catalog. */
async function startEmulators(
  options: LocalOptions,
  catalog: Catalog,
  c: {
    ports: Ports;
    urls: Parameters<typeof functionEnvironments>[1];
    dynamo: Awaited<ReturnType<typeof startEngines>>['dynamo'];
    created: boolean;
    stoppers: (() => Promise<void> | void)[];
    onError: (message: string) => void;
  },
) {
  const journal = options.inMemory ? noJournal : fileJournal(join(options.stateDir, 'journal'));
  const lambdas = new LocalLambdas(options.root, catalog, functionEnvironments(catalog, c.urls), options.clock, c.onError, journal);
  lambdas.faults = options.faults;
  const sfn = new LocalStepFunctions(options.root, catalog, lambdas, options.clock, c.onError, journal);
  const bus = new LocalEventBus(catalog, lambdas, options.clock, c.onError);
  const scheduler = new LocalScheduler(lambdas, options.clock, c.onError, journal);
  const awsServer = await startAwsEmulator(c.ports.aws, { sfn, bus, scheduler });
  c.stoppers.push(() => closeServer(awsServer));
  c.stoppers.push(() => sfn.abortRunning());
  const poller = new StreamPoller(c.dynamo.endpoint, c.dynamo.client, c.urls.table, lambdas, c.onError, journal);
  await poller.init(c.created);
  const issuer = await localIssuerKeys(join(options.stateDir, 'issuer-key.json'));
  // What a previous run left unfinished carries on, as it would have on AWS.
  const resumed = { executions: sfn.resume(), schedules: scheduler.restore(), events: lambdas.resumeQueued() };
  if (resumed.executions + resumed.schedules + resumed.events)
    options.log?.(
      `resumed from the state folder: ${resumed.executions} workflow execution(s), ${resumed.schedules} pending schedule(s), ${resumed.events} queued event(s)`,
    );
  return { lambdas, sfn, bus, scheduler, poller, issuer };
}

/** What was started, stopped in reverse order; the lock goes last. */
function lifecycle(stateDir: string) {
  const stoppers: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const s of stoppers.reverse()) await s();
    stoppers.length = 0;
    rmSync(enginesFile(stateDir), { force: true });
    rmSync(lockFile(stateDir), { force: true });
  };
  return { stoppers, stop };
}

/** The stream is polled on a timer; under `npm start` the clock also ticks with the wall clock. */
function keepTime(
  clock: LocalClock,
  poller: StreamPoller,
  stoppers: (() => Promise<void> | void)[],
  onError: (m: string) => void,
  startPoller = true,
): void {
  if (startPoller) {
    poller.start(clock.mode === 'real' ? 200 : 1000);
    stoppers.push(() => poller.stop());
  }
  if (clock.mode === 'real') {
    clock.startTicking(1000, (e) => onError(String(e)));
    stoppers.push(() => clock.stop());
  }
}

async function choosePorts(fixed: Ports | undefined, stoppers: (() => Promise<void> | void)[]): Promise<Ports> {
  if (!fixed) {
    const block = await claimPortBlock(4);
    stoppers.push(block.release);
    return { api: block.first, mail: block.first + 1, dynamodb: block.first + 2, aws: block.first + 3 };
  }
  for (const [what, port] of Object.entries(fixed)) {
    if (await portInUse(port)) {
      throw new LocalSetupError(
        `port ${port} (for ${what}) is already used by another program; choose other ports with --port <first port>`,
      );
    }
  }
  return fixed;
}

/** DynamoDB Local and the SES emulator start at once; if either fails, the other is not left running. */
async function startEngines(options: LocalOptions, ports: Ports, stoppers: (() => Promise<void> | void)[]) {
  const shared = options.sharedDynamoDb;
  if (shared) {
    const dynamo = attachDynamoDbLocal(shared.endpoint);
    const ses = await startSesLocal(ports.mail);
    stoppers.push(ses.stop, () => dropTable(dynamo.client, shared.table));
    const { created } = await ensureTable(dynamo.client, shared.table);
    return { dynamo, ses, created, table: shared.table };
  }
  const dbDir = join(options.stateDir, 'dynamodb');
  if (!options.inMemory) mkdirSync(dbDir, { recursive: true });
  const [dynamoStart, sesStart] = await Promise.allSettled([
    startDynamoDbLocal(ports.dynamodb, options.inMemory ? undefined : dbDir),
    startSesLocal(ports.mail, options.inMemory ? undefined : join(options.stateDir, 'mailbox.jsonl')),
  ]);
  for (const started of [dynamoStart, sesStart]) if (started.status === 'fulfilled') stoppers.push(started.value.stop);
  if (dynamoStart.status === 'rejected') throw dynamoStart.reason;
  if (sesStart.status === 'rejected') throw sesStart.reason;
  recordEngines(enginesFile(options.stateDir));
  const { created } = await ensureTable(dynamoStart.value.client, names.table);
  return { dynamo: dynamoStart.value as DynamoEngine, ses: sesStart.value, created, table: names.table };
}

type DynamoEngine = ReturnType<typeof attachDynamoDbLocal>;

/** Waits until the stream is drained and no function or execution is mid-flight (twice in a row). */
function settler(poller: StreamPoller, busy: () => boolean) {
  return async (timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    let idle = 0;
    while (idle < 2) {
      if (Date.now() > deadline) throw new Error('the local runtime did not settle: something keeps running');
      const routed = await poller.pollOnce();
      const working = busy();
      idle = routed === 0 && !working ? idle + 1 : 0;
      await new Promise((r) => setTimeout(r, working ? 2 : 10));
    }
  };
}

/** What GET /health adds locally: each emulated component and its state. */
function healthOf(c: {
  dynamo: Awaited<ReturnType<typeof startEngines>>['dynamo'];
  ses: Awaited<ReturnType<typeof startEngines>>['ses'];
  sfn: LocalStepFunctions;
  bus: LocalEventBus;
  lambdas: LocalLambdas;
  scheduler: LocalScheduler;
  poller: StreamPoller;
  clock: LocalClock;
  persistent: boolean;
}) {
  const state = (bad: boolean) => (bad ? 'degraded' : 'ok');
  return {
    dynamodb: {
      state: c.dynamo.running() ? 'ok' : 'stopped',
      engine: 'DynamoDB Local',
      endpoint: c.dynamo.endpoint,
      persistent: c.persistent,
    },
    mail: { state: c.ses.child.exitCode === null ? 'ok' : 'stopped', engine: 'aws-ses-v2-local', url: c.ses.url },
    stepFunctions: { state: 'ok', engine: 'aws-local-stepfunctions', executions: c.sfn.list().length },
    eventBus: {
      state: state(c.bus.undelivered.length > 0),
      published: c.bus.published,
      puts: c.bus.puts,
      undelivered: c.bus.undelivered.length,
    },
    lambda: {
      state: state(c.lambdas.deadLetters.length > 0),
      invocations: c.lambdas.invocations,
      deadLetters: c.lambdas.deadLetters.length,
    },
    scheduler: { state: state(c.scheduler.undelivered.length > 0), schedules: c.scheduler.list().length, fired: c.scheduler.fired },
    streamPoller: { state: state(c.poller.failedRecords.length > 0), routed: c.poller.routed, largestBatch: c.poller.largestBatch },
    clock: { state: 'ok', mode: c.clock.mode, now: c.clock.now().toISOString() },
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
