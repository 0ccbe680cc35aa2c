import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { names } from '../../shared/platform/catalog';
import { useClock } from '../../shared/platform/clock';
import { environmentFor, type NeedValues } from '../../shared/platform/environment';
import { type Usage, usageSnapshot } from '../../shared/platform/usage';
import { type Catalog, catalog as defaultCatalog } from '../catalog';
import { startAwsEmulator } from './aws-emulator';
import { ensureTable, localCredentials, startDynamoDbLocal } from './dynamodb-local';
import { LocalEventBus } from './event-bus';
import { installFunctionEnvironments } from './function-env';
import { startHttpApi } from './http-api';
import { localIssuerKeys } from './jwt-issuer';
import { functionArn, LocalLambdas, localAccount, localRegion } from './lambdas';
import { freePort, LocalSetupError, portInUse } from './processes';
import { LocalScheduler } from './scheduler';
import { startSesLocal } from './ses-local';
import { LocalStepFunctions, stateMachineArn } from './step-functions';
import { StreamPoller } from './stream-poller';
import type { LocalClock } from './virtual-clock';

export interface Ports {
  api: number;
  mail: number;
  dynamodb: number;
  aws: number;
}

export const defaultPorts: Ports = { api: 4000, mail: 4005, dynamodb: 4002, aws: 4003 };

export interface LocalOptions {
  root: string;
  stateDir: string;
  inMemory: boolean;
  /** Fixed ports, or undefined for free ones (tests, demo). */
  ports?: Ports;
  clock: LocalClock;
  log?: (line: string) => void;
  /** What to run: the real catalog unless a test brings its own. */
  catalog?: Catalog;
}

export type LocalRuntime = Awaited<ReturnType<typeof startLocal>>;

const lockFile = (stateDir: string) => join(stateDir, 'runtime.json');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

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

interface LocalUrls {
  dynamodb: string;
  mail: string;
  aws: string;
  api: string;
}

/** What Lambda itself puts in every function's environment, with each SDK client pointed at its local engine. */
function lambdaEnvironment(fnId: string, urls: LocalUrls): Record<string, string> {
  return {
    AWS_REGION: localRegion,
    AWS_DEFAULT_REGION: localRegion,
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    AWS_LAMBDA_FUNCTION_NAME: names.functionName(fnId),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL_DYNAMODB: urls.dynamodb,
    AWS_ENDPOINT_URL_SESV2: urls.mail,
    AWS_ENDPOINT_URL_SFN: urls.aws,
    AWS_ENDPOINT_URL_EVENTBRIDGE: urls.aws,
    AWS_ENDPOINT_URL_SCHEDULER: urls.aws,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    PATH: process.env.PATH ?? '',
    // As the stack sets on every function; local logs are printed readably.
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'WARN',
    POWERTOOLS_DEV: 'true',
  };
}

/** The resources needs refer to, as they are named locally (the stack passes CDK references instead). */
const localNeedValues = (apiUrl: string): NeedValues => ({
  tableName: names.table,
  senderEmail: 'grantloop@grantloop.local',
  sesConfigurationSet: 'grantloop',
  appUrl: apiUrl,
  eventBusName: names.eventBus,
  scheduleGroup: names.scheduleGroup,
  schedulerRoleArn: `arn:aws:iam::${localAccount}:role/grantloop-scheduler`,
  workflowArn: stateMachineArn,
  functionArn,
});

/** Each function's environment: Lambda's own variables and exactly what its needs produce. */
export function functionEnvironments(catalog: Catalog, urls: LocalUrls) {
  return (fnId: string) => ({
    ...lambdaEnvironment(fnId, urls),
    ...environmentFor(catalog.functions[fnId]?.needs ?? [], localNeedValues(urls.api)),
  });
}

/**
 * The runtime's own environment, for code that is not a handler (bootstrapping the first admin,
 * exports, tests reading the table): every variable any need produces. Handlers never see it.
 */
function operatorEnvironment(urls: LocalUrls): Record<string, string> {
  const all = environmentFor(['table-read', 'mail', 'publish-events'], localNeedValues(urls.api));
  return { ...lambdaEnvironment('operator', urls), ...all, LOG_LEVEL: process.env.LOG_LEVEL ?? 'WARN' };
}

export async function startLocal(options: LocalOptions) {
  const log = options.log ?? (() => {});
  const catalog = options.catalog ?? defaultCatalog;
  const errors: string[] = [];
  const onError = (message: string) => {
    errors.push(message);
    log(`error: ${message}`);
  };
  mkdirSync(options.stateDir, { recursive: true });
  takeLock(options.stateDir);

  const ports = options.ports ?? { api: await freePort(), mail: await freePort(), dynamodb: await freePort(), aws: await freePort() };
  if (options.ports) {
    for (const [what, port] of Object.entries(ports)) {
      if (await portInUse(port)) {
        throw new LocalSetupError(
          `port ${port} (for ${what}) is already used by another program; choose other ports with --port <first port>`,
        );
      }
    }
  }

  const stoppers: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const s of stoppers.reverse()) await s();
    stoppers.length = 0;
    rmSync(lockFile(options.stateDir), { force: true });
  };

  try {
    log('starting DynamoDB Local (Java)…');
    const dbDir = join(options.stateDir, 'dynamodb');
    if (!options.inMemory) mkdirSync(dbDir, { recursive: true });
    // Both engines start at once; if either fails, the other must not be left running.
    const [dynamoStart, sesStart] = await Promise.allSettled([
      startDynamoDbLocal(ports.dynamodb, options.inMemory ? undefined : dbDir),
      startSesLocal(ports.mail),
    ]);
    for (const started of [dynamoStart, sesStart]) if (started.status === 'fulfilled') stoppers.push(started.value.stop);
    if (dynamoStart.status === 'rejected') throw dynamoStart.reason;
    if (sesStart.status === 'rejected') throw sesStart.reason;
    const dynamo = dynamoStart.value;
    const ses = sesStart.value;
    const { created } = await ensureTable(dynamo.client, names.table);

    const apiUrl = `http://127.0.0.1:${ports.api}`;
    const awsUrl = `http://127.0.0.1:${ports.aws}`;
    const urls = { dynamodb: dynamo.endpoint, mail: ses.url, aws: awsUrl, api: apiUrl };
    installFunctionEnvironments();
    Object.assign(process.env, operatorEnvironment(urls));
    for (const v of ['AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL']) delete process.env[v];
    useClock(options.clock);

    const lambdas = new LocalLambdas(options.root, catalog, functionEnvironments(catalog, urls), options.clock, onError);
    const sfn = new LocalStepFunctions(options.root, catalog, lambdas, options.clock, onError);
    const bus = new LocalEventBus(catalog, lambdas, options.clock, onError);
    const scheduler = new LocalScheduler(lambdas, options.clock, onError);
    const awsServer = await startAwsEmulator(ports.aws, { sfn, bus, scheduler });
    stoppers.push(() => closeServer(awsServer));

    const poller = new StreamPoller(dynamo.endpoint, dynamo.client, names.table, lambdas, onError);
    await poller.init(created);
    const issuer = await localIssuerKeys(join(options.stateDir, 'issuer-key.json'));

    const components = () => ({
      dynamodb: {
        state: dynamo.child.exitCode === null ? 'ok' : 'stopped',
        engine: 'DynamoDB Local',
        endpoint: dynamo.endpoint,
        persistent: !options.inMemory,
      },
      mail: { state: ses.child.exitCode === null ? 'ok' : 'stopped', engine: 'aws-ses-v2-local', url: ses.url },
      stepFunctions: { state: 'ok', engine: 'aws-local-stepfunctions', executions: sfn.list().length },
      eventBus: { state: bus.undelivered.length ? 'degraded' : 'ok', published: bus.published, undelivered: bus.undelivered.length },
      lambda: {
        state: lambdas.deadLetters.length ? 'degraded' : 'ok',
        invocations: lambdas.invocations,
        deadLetters: lambdas.deadLetters.length,
      },
      scheduler: { state: scheduler.undelivered.length ? 'degraded' : 'ok', schedules: scheduler.list().length, fired: scheduler.fired },
      streamPoller: { state: poller.failedRecords.length ? 'degraded' : 'ok', routed: poller.routed, largestBatch: poller.largestBatch },
      clock: { state: 'ok', mode: options.clock.mode, now: options.clock.now().toISOString() },
    });
    const apiServer = await startHttpApi(ports.api, { catalog, lambdas, issuer, extraHealth: components });
    stoppers.push(() => closeServer(apiServer));

    poller.start(options.clock.mode === 'real' ? 200 : 1000);
    stoppers.push(() => poller.stop());
    if (options.clock.mode === 'real') {
      options.clock.startTicking(1000, (e) => onError(String(e)));
      stoppers.push(() => options.clock.stop());
    }
    writeFileSync(lockFile(options.stateDir), JSON.stringify({ pid: process.pid, api: apiUrl, mail: ses.url, dynamodb: dynamo.endpoint }));

    /** Waits until the stream is drained and no function, execution, event or schedule is mid-flight. */
    const settle = async (timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      let idle = 0;
      while (idle < 2) {
        if (Date.now() > deadline) throw new Error('the local runtime did not settle: something keeps running');
        const routed = await poller.pollOnce();
        const busy = lambdas.busy || sfn.busy;
        idle = routed === 0 && !busy ? idle + 1 : 0;
        await new Promise((r) => setTimeout(r, busy ? 2 : 10));
      }
    };

    return {
      apiUrl,
      mailUrl: ses.url,
      dynamodbEndpoint: dynamo.endpoint,
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
      advanceTo: (when: Date) => options.clock.advanceTo(when, () => settle()),
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

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
