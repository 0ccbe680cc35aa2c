import type awsLite from '@aws-lite/client';
import clientFactory from '@aws-lite/client/src/client-factory.js';
import { getEndpointParams } from '@aws-lite/client/src/lib/index.js';

/**
 * AWS clients from aws-lite rather than the AWS SDK (issue 27). The SDK's DynamoDB client alone
 * took about 55 ms of every cold start to import (82–89 ms for a process importing only it,
 * against 27 ms for an empty one); aws-lite's client with its DynamoDB plugin takes about 10 ms,
 * and Lambda bills INIT. It signs with aws4, retries throttling and 5xx answers with jittered
 * backoff, and reads the credentials Lambda puts in the environment.
 *
 * A client is started with aws-lite's client factory, the function its entry calls once it has
 * found the configuration, the credentials and the region, because grantloop gives all three
 * itself. The entry's finders (a credential chain through ~/.aws files, ECS and instance
 * metadata, a plugin loader that scans node_modules, a list of regions) were 11 KB that every
 * bundle parsed on every cold start and never ran: about 0.7 ms. aws-lite is pinned, and the
 * two internal modules are typed in aws-lite-internals.d.ts; every test that talks to an engine
 * starts its clients this way.
 */
export type LiteClient = Awaited<ReturnType<typeof awsLite>>;

/** The SDKs' variable for one service's endpoint, `AWS_ENDPOINT_URL_<SERVICE>`: the local runtime points each at its engine. */
const endpointVariable = (service: string) => `AWS_ENDPOINT_URL_${service}`;

/**
 * The credentials Lambda puts in every function's environment (the execution role's), and only
 * those: a function never uses ~/.aws files, ECS or instance metadata, and a misconfigured one
 * should not silently fall back to them. Nothing is read from a file: not the credentials, the
 * region or an endpoint.
 */
function credentialsFromEnvironment() {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = process.env;
  if (!accessKeyId || !secretAccessKey) {
    throw new Error('AWS credentials are not in the environment: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set');
  }
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}

/** The region Lambda sets for every function (the local runtime sets it too). */
function regionFromEnvironment(): string {
  const region = process.env.AWS_REGION;
  if (!region) throw new Error('The AWS region is not in the environment: AWS_REGION is not set');
  return region;
}

/**
 * A client for one service, made on first use and kept for the container's life. Keyed by the
 * endpoint, region and access key it was made with: locally every handler shares one process,
 * and a test may start a second runtime with engines of its own.
 */
export function liteClient(service: string, options: { plugins?: unknown[]; retries?: number } = {}): () => Promise<LiteClient> {
  const made = new Map<string, Promise<LiteClient>>();
  return () => {
    const endpoint = process.env[endpointVariable(service)];
    const key = `${endpoint ?? ''}|${process.env.AWS_REGION ?? ''}|${process.env.AWS_ACCESS_KEY_ID ?? ''}`;
    let client = made.get(key);
    if (!client) {
      client = clientFactory(
        {
          ...(endpoint ? getEndpointParams({ endpoint }) : {}),
          plugins: options.plugins ?? [],
          // Two retries after the first try unless told otherwise: the SDK's standard three attempts.
          retries: options.retries ?? 2,
          // Item attributes left undefined are not stored, as the SDK's document client did with removeUndefinedValues.
          awsjsonMarshall: { removeUndefinedValues: true },
          // aws-lite's own switch for logging each request, which its entry read.
          debug: Boolean(process.env.AWS_LITE_DEBUG),
        },
        credentialsFromEnvironment(),
        regionFromEnvironment(),
      );
      // A failed start (no credentials yet) is not kept: the next call tries again.
      client.catch(() => made.delete(key));
      made.set(key, client);
    }
    return client;
  };
}

/**
 * The code an AWS service answered an error with. aws-lite copies the answer's fields onto the
 * error: JSON protocols give `__type` (DynamoDB's plugin also sets `name` from it), REST-JSON
 * ones only the `x-amzn-errortype` header. Either may be namespaced (`prefix#Code`) or carry a
 * URI (`Code:http://…`), as Smithy's protocols allow.
 */
export function awsErrorCode(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const e = error as Error & { __type?: unknown; headers?: Record<string, unknown> };
  const raw = e.headers?.['x-amzn-errortype'] ?? e.__type ?? e.name;
  if (typeof raw !== 'string') return undefined;
  const code = raw.split(',')[0]?.split(':')[0] ?? '';
  return code.slice(code.indexOf('#') + 1);
}

/** Whether `error` is one of these codes answered by an AWS service. */
export const isAwsError = (error: unknown, ...codes: string[]): error is Error & Record<string, unknown> =>
  codes.includes(awsErrorCode(error) ?? '');

/** The codes AWS answers a caller that goes too fast with (DynamoDB's, and the other services'). */
const throttled = [
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'Throttling',
];
/** Backoff rounds after aws-lite's own retries gave up on a throttled call, and the first round's longest wait. */
export const throttleRounds = 2;
const throttleBaseMs = 1000;

/**
 * One AWS call, as the SDK made it in two ways aws-lite does not:
 * - A throttled call waits it out. aws-lite retries every error after at most 100 ms × 2^n
 *   (all its retries together: a second or two), where the SDK's standard strategy backs off
 *   from a 1 s base for throttling; a hot partition or a 09:00 burst of schedules outlasts the
 *   short one. After aws-lite gives up, the call is tried again after a jittered wait of up to
 *   1 s, then up to 2 s.
 * - The error is named by its code (`ThrottlingException`, `ConflictException`), as the SDK's
 *   exception classes were: Lambda reports `error.name` as the task's error, and the workflows'
 *   Retry rules match on it.
 */
export async function awsCall<T>(call: () => Promise<T>, wait = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<T> {
  for (let round = 0; ; round++) {
    try {
      return await call();
    } catch (error) {
      const code = awsErrorCode(error);
      if (error instanceof Error && code) error.name = code;
      if (round >= throttleRounds || !isAwsError(error, ...throttled)) throw error;
      await wait(Math.random() * throttleBaseMs * 2 ** round);
    }
  }
}
