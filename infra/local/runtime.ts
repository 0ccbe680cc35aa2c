import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { type Usage, usageSnapshot } from '../../shared/telemetry/usage';
import { functionArnEnv, names, workflows } from '../catalog';
import { startAwsEmulator } from './aws-emulator';
import { ensureTable, localCredentials, startDynamoDbLocal } from './dynamodb-local';
import { LocalEventBus } from './event-bus';
import { startHttpApi } from './http-api';
import { localIssuerKeys } from './jwt-issuer';
import { functionArn, LocalLambdas, localRegion } from './lambdas';
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

/** The environment every handler reads, pointing each AWS SDK client at its local engine. */
function handlerEnvironment(urls: { dynamodb: string; mail: string; aws: string; api: string }): Record<string, string> {
  const env: Record<string, string> = {
    AWS_REGION: localRegion,
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL_DYNAMODB: urls.dynamodb,
    AWS_ENDPOINT_URL_SESV2: urls.mail,
    AWS_ENDPOINT_URL_SFN: urls.aws,
    AWS_ENDPOINT_URL_EVENTBRIDGE: urls.aws,
    AWS_ENDPOINT_URL_SCHEDULER: urls.aws,
    TABLE_NAME: names.table,
    EVENT_BUS_NAME: names.eventBus,
    SCHEDULE_GROUP: names.scheduleGroup,
    SCHEDULER_ROLE_ARN: 'arn:aws:iam::000000000000:role/grantloop-scheduler',
    SENDER_EMAIL: 'grantloop@grantloop.local',
    SES_CONFIGURATION_SET: 'grantloop',
    APP_URL: urls.api,
    POWERTOOLS_DEV: 'true',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'WARN',
  };
  for (const w of workflows) env[w.arnEnv] = stateMachineArn(w.id);
  for (const [fn, name] of Object.entries(functionArnEnv)) env[name as string] = functionArn(fn as keyof typeof functionArnEnv);
  return env;
}

export async function startLocal(options: LocalOptions) {
  const log = options.log ?? (() => {});
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
    // Set before any handler module loads, so every SDK client resolves the local endpoints.
    Object.assign(process.env, handlerEnvironment({ dynamodb: dynamo.endpoint, mail: ses.url, aws: awsUrl, api: apiUrl }));
    for (const v of ['AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL']) delete process.env[v];
    const { useClock } = await import('../../shared/clock');
    useClock(options.clock);

    const lambdas = new LocalLambdas(options.root);
    const sfn = new LocalStepFunctions(options.root, lambdas, options.clock, onError);
    const bus = new LocalEventBus(lambdas, options.clock, onError);
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
      eventBus: { state: bus.deadLetters.length ? 'degraded' : 'ok', published: bus.published, deadLetters: bus.deadLetters.length },
      scheduler: { state: 'ok', schedules: scheduler.list().length, fired: scheduler.fired },
      streamPoller: { state: 'ok', routed: poller.routed },
      clock: { state: 'ok', mode: options.clock.mode, now: options.clock.now().toISOString() },
    });
    const apiServer = await startHttpApi(ports.api, { lambdas, issuer, extraHealth: components });
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
        const busy = lambdas.busy || sfn.busy || bus.busy || scheduler.busy;
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
