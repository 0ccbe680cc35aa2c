import { jsonRpc } from './json-calls';

/**
 * Secrets Manager's GetSecretValue as one signed call through aws-lite (lite.ts). Every function
 * behind the HTTP API reads the front door's secret (functions/lib/front-door.ts); the SDK's
 * Secrets Manager client would add about 27 KB to each of those bundles for this one JSON call.
 * It is the service's documented JSON protocol (`X-Amz-Target: secretsmanager.GetSecretValue`),
 * signed with the function's role credentials, which Lambda puts in the environment.
 */
const secretsManager = jsonRpc('secretsmanager', 'SECRETS_MANAGER', 'secretsmanager', '1.1');

/** A stalled read must not hold the request until the function's timeout: it fails after this. */
export const secretReadTimeoutMs = 5000;

export async function getSecretString(secretId: string, timeoutMs = secretReadTimeoutMs): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`GetSecretValue timed out after ${timeoutMs / 1000} s`)), timeoutMs);
  });
  const out = await Promise.race([secretsManager<{ SecretString?: unknown }>('GetSecretValue', { SecretId: secretId }), timedOut]).finally(
    () => clearTimeout(timer),
  );
  if (typeof out.SecretString !== 'string') throw new Error('GetSecretValue answered no SecretString');
  return out.SecretString;
}
