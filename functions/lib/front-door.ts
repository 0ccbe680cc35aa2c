import type middy from '@middy/core';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { getSecretString } from '../../shared/platform/aws/secret-value';
import { frontDoor, frontDoorCheck, parseFrontDoorSecret } from '../../shared/platform/front-door';
import { lazy } from '../../shared/platform/lazy';

const check = lazy(() => {
  const arn = process.env[frontDoor.secretEnv] ?? '';
  return frontDoorCheck(async () => parseFrontDoorSecret(await getSecretString(arn)));
});

const refused: APIGatewayProxyResultV2 = {
  statusCode: 403,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify({ error: 'forbidden', message: 'this address is not the service: use the address in your email or bookmark' }),
};

/**
 * Every function behind the HTTP API starts with this: a request that did not come through
 * CloudFront (shared/platform/front-door.ts says why) is refused before anything else runs.
 * Without the secret's ARN in the environment (the local runtime, which has no CloudFront) it
 * lets everything through; the synth test makes sure every routed function on AWS has it.
 */
export const throughFrontDoor = (
  opensFor: (given: string | undefined) => Promise<boolean> = (given) => check()(given),
): middy.MiddlewareObj<{ headers?: Record<string, string | undefined> }, APIGatewayProxyResultV2> => ({
  before: async (request) => {
    if (!process.env[frontDoor.secretEnv]) return;
    if (!(await opensFor(request.event.headers?.[frontDoor.header]))) return refused;
  },
});
