import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { LocalEventBus } from './event-bus';
import { type LocalScheduler, SchedulerError } from './scheduler';
import { type LocalStepFunctions, StepFunctionsError } from './step-functions';

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c) => {
      data += c;
    });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });

/**
 * One loopback endpoint speaking the wire protocols of the three services no package emulates
 * (Step Functions' and EventBridge's JSON protocols, Scheduler's REST one). The handlers' SDK
 * clients reach it through AWS_ENDPOINT_URL_<SERVICE>, so their code is the code that runs on AWS.
 */
export function startAwsEmulator(
  port: number,
  deps: { sfn: LocalStepFunctions; bus: LocalEventBus; scheduler: LocalScheduler },
): Promise<Server> {
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const target = String(req.headers['x-amz-target'] ?? '');
    try {
      if (target.startsWith('AWSStepFunctions.'))
        return reply(res, 200, stepFunctions(deps.sfn, target.split('.')[1] ?? '', JSON.parse(body || '{}')), '1.0');
      if (target === 'AWSEvents.PutEvents') {
        const entries = deps.bus.put(JSON.parse(body).Entries ?? []);
        return reply(res, 200, { FailedEntryCount: 0, Entries: entries }, '1.1');
      }
      const schedule = /^\/schedules\/([^/?]+)/.exec(req.url ?? '');
      if (schedule && req.method === 'POST') {
        return reply(res, 200, deps.scheduler.create({ ...JSON.parse(body || '{}'), Name: decodeURIComponent(schedule[1] as string) }));
      }
      reply(res, 400, { __type: 'UnknownOperationException', message: `not emulated: ${req.method} ${req.url} ${target}` });
    } catch (error) {
      if (error instanceof SchedulerError) {
        res.setHeader('x-amzn-errortype', error.name);
        return reply(res, error.status, { message: error.message });
      }
      const name = error instanceof StepFunctionsError ? error.name : 'InternalFailure';
      reply(res, error instanceof StepFunctionsError ? 400 : 500, { __type: name, message: (error as Error).message }, '1.0');
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

function stepFunctions(sfn: LocalStepFunctions, action: string, input: Record<string, string>): unknown {
  switch (action) {
    case 'StartExecution': {
      const e = sfn.start(input.stateMachineArn as string, input.name as string, JSON.parse(input.input ?? '{}'));
      return { executionArn: e.executionArn, startDate: Date.parse(e.startDate) / 1000 };
    }
    case 'SendTaskSuccess':
      sfn.sendTaskSuccess(input.taskToken as string, input.output ?? '{}');
      return {};
    case 'SendTaskFailure':
      sfn.sendTaskFailure(input.taskToken as string, input.error, input.cause);
      return {};
    case 'DescribeExecution': {
      const e = sfn.describe(input.executionArn as string);
      return {
        executionArn: e.executionArn,
        stateMachineArn: e.stateMachineArn,
        name: e.name,
        status: e.status,
        input: JSON.stringify(e.input),
        ...(e.output !== undefined ? { output: JSON.stringify(e.output) } : {}),
        startDate: Date.parse(e.startDate) / 1000,
      };
    }
    default:
      throw new StepFunctionsError('UnknownOperationException', `not emulated: ${action}`);
  }
}

function reply(res: ServerResponse, status: number, body: unknown, jsonVersion?: '1.0' | '1.1'): void {
  res.writeHead(status, { 'content-type': jsonVersion ? `application/x-amz-json-${jsonVersion}` : 'application/json' });
  res.end(JSON.stringify(body));
}
