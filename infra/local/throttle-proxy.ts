import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FaultPlan } from './faults';

/**
 * Stands between the functions and DynamoDB Local when a fault plan is on, and refuses the
 * calls the plan picks exactly as DynamoDB refuses a throttled call (HTTP 400,
 * ThrottlingException), before they reach the table; the rest pass through untouched. The SDK's
 * own retries, and then the callers', are what is being tested.
 */
export async function startThrottleProxy(target: string, plan: FaultPlan): Promise<{ url: string; server: Server }> {
  const to = new URL(target);
  const server = createServer((req, res) => {
    const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? 'unknown';
    if (plan.throttle(operation)) {
      req.resume();
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-errortype': 'ThrottlingException' });
      res.end(
        JSON.stringify({
          __type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException',
          message: 'Rate of requests exceeds the allowed throughput.',
        }),
      );
      return;
    }
    const forward = request({ host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', (error) => {
      res.writeHead(502);
      res.end(String(error));
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
