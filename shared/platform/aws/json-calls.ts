import { awsCall, type LiteClient, liteClient } from './lite';

/**
 * One action of an AWS service that speaks the awsJson protocol (Step Functions, EventBridge):
 * a POST to `/` naming the action in `X-Amz-Target`. `awsjson: false` keeps aws-lite from
 * encoding the body as DynamoDB's typed JSON, which its content type would otherwise ask for.
 */
export function jsonRpc(service: string, endpointName: string, targetPrefix: string, version: '1.0' | '1.1') {
  const client: () => Promise<LiteClient> = liteClient(endpointName);
  return async <T>(action: string, payload: Record<string, unknown>): Promise<T> => {
    const aws = await client();
    const out = await awsCall(() =>
      aws({
        service,
        method: 'POST',
        path: '/',
        headers: { 'X-Amz-Target': `${targetPrefix}.${action}`, 'content-type': `application/x-amz-json-${version}` },
        awsjson: false,
        payload,
      }),
    );
    return (out.payload ?? {}) as T;
  };
}

/**
 * One action of an AWS service that speaks REST-JSON (SES v2, Scheduler): a POST of a JSON body
 * to the action's path, its answer's body returned.
 */
export function restJson(service: string, endpointName: string) {
  const client: () => Promise<LiteClient> = liteClient(endpointName);
  return async <T>(path: string, payload: Record<string, unknown>): Promise<T> => {
    const aws = await client();
    const out = await awsCall(() => aws({ service, method: 'POST', path, payload }));
    return (out.payload ?? {}) as T;
  };
}
