import { BatchGetItemCommand, DynamoDBClient, GetItemCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { routes } from '../../infra/catalog';
import { localCredentials } from '../../infra/local/dynamodb-local';
import { linksIn, openLink, postLink, scopeOf } from '../../infra/local/mailbox-links';
import { names } from '../../shared/platform/catalog';
import { award, grantFixture, inDays, mail, plan } from '../support/grant';
import { DAY, startTestStack } from '../support/stack';
import { benchReviews } from './review-latency';
import { staffReadLatency } from './route-latency';
import { figures, repeated, timed } from './timing';
import { staffWriteLatency } from './write-latency';

const answers = {
  action: 'submit',
  'measures.groups-supported': '7',
  'measures.funding-secured': '£100.00',
  'questions.difference': 'Seven groups were helped.',
  'questions.next': 'The same again.',
};

/**
 * Item 2 of the benchmark for the route that matters most to providers: a report sent from its
 * emailed link. DynamoDB round trips per request are counted by the SDK middleware inside the
 * handler's own invocation; latency is the client's, over HTTP to the local stack, against a raw
 * GetItem to DynamoDB Local in the same run, with 1 and with 32 clients at once.
 */
export async function benchReportSubmission(o: { sequential?: number; concurrent?: number; onProgress?: (line: string) => void } = {}) {
  const sequential = o.sequential ?? 40;
  const concurrent = o.concurrent ?? 64;
  const stack = await startTestStack();
  try {
    const funders = await stack.seed();
    const f = await grantFixture(stack, funders);
    o.onProgress?.(`awarding ${sequential + concurrent} grants, each with a report due…`);
    const reportIds: string[] = [];
    for (let i = 0; i < sequential + concurrent; i++) {
      const g = await award(f, `Bench grant ${i}`, 5_000);
      const planned = await plan(f, g.id, {
        tranches: [{ amount: 5_000, dueDate: inDays(stack, 0) }],
        reporting: { frequency: 'one-off', template: 'light', dueDate: inDays(stack, 20) },
      });
      reportIds.push(...planned.reports.map((r) => r.id));
    }
    await stack.runtime.advanceTo(new Date(stack.clock.now().getTime() + DAY));
    const urls = (await mail(f, f.recipient.contactEmail, /^Report due /)).flatMap((e) => linksIn(e, 'report').slice(0, 1));
    if (urls.length < sequential + concurrent) throw new Error(`only ${urls.length} report links arrived`);
    const fn = (method: string, path: string) => routes.find((r) => r.method === method && r.path === path)?.fn;
    const calls: Record<string, number[]> = {};
    const inHandler: number[] = [];
    stack.runtime.lambdas.onInvoked = ({ fn: id, usage, ms }) => {
      if (id === fn('GET', '/r/{token}') || id === fn('POST', '/r/{token}')) calls[id] = [...(calls[id] ?? []), usage.dynamodbCalls];
      if (id === fn('POST', '/r/{token}')) inHandler.push(ms);
    };
    const scopes = new Map<string, string>();
    const opened = await timed(
      urls.map((u) => async () => scopes.set(u, scopeOf((await openLink(u)).html))),
      1,
    );
    const send = (u: string) => async () => {
      const res = await postLink(u, { scope: scopes.get(u) as string, ...answers });
      if (res.status !== 200) throw new Error(`a report was refused: ${res.status}`);
    };
    const one = await timed(urls.slice(0, sequential).map(send), 1);
    const inHandlerOne = inHandler.splice(0);
    const many = await timed(urls.slice(sequential).map(send), 32);
    stack.runtime.lambdas.onInvoked = undefined;
    await stack.runtime.settle();
    const reviews = await benchReviews(f, reportIds, fn('POST', '/reports/{reportId}/review') as string);
    const raw = await rawGetItem(stack.runtime.dynamodbEndpoint, f.poolId);
    return {
      roundTrips: {
        open: Math.max(...(calls[fn('GET', '/r/{token}') as string] ?? [Number.NaN])),
        submit: Math.max(...(calls[fn('POST', '/r/{token}') as string] ?? [Number.NaN])),
      },
      latency: { open: figures(opened), submit1: figures(one), submit32: figures(many) },
      reviews,
      /** The submitting handler's own time, without the front door (1 client, then 32): where the latency goes. */
      submitInHandler: { one: figures(inHandlerOne), many: figures(inHandler) },
      rawGetItem: raw,
      rawCalls: await rawCallsOfSubmission(stack.runtime.dynamodbEndpoint, f.poolId),
      readRoutes: await staffReadLatency(stack, funders),
      writeRoutes: await staffWriteLatency(stack, funders),
    };
  } finally {
    await stack.stop();
  }
}

/** One GetItem of a real item, straight to DynamoDB Local: the floor any route stands on. */
async function rawGetItem(endpoint: string, poolId: string) {
  const db = new DynamoDBClient({ endpoint, region: 'eu-west-2', credentials: localCredentials });
  const get = () => db.send(new GetItemCommand({ TableName: names.table, Key: { pk: { S: `POOL#${poolId}` }, sk: { S: 'POOL' } } }));
  await repeated(get, 20, 1);
  return {
    one: figures(await repeated(get, 200, 1)),
    many: figures(await repeated(get, 640, 32)),
  };
}

/**
 * The submission's own two calls, sent raw with the same shape (a BatchGetItem of three keys, a
 * TransactWriteItems of six writes on fresh items): the floor of this route on this engine, to
 * set the route's latency against besides the single GetItem the target names.
 */
async function rawCallsOfSubmission(endpoint: string, poolId: string) {
  const db = new DynamoDBClient({ endpoint, region: 'eu-west-2', credentials: localCredentials });
  const key = (pk: string, sk: string) => ({ pk: { S: pk }, sk: { S: sk } });
  let n = 0;
  const pair = async () => {
    n++;
    await db.send(
      new BatchGetItemCommand({
        RequestItems: { [names.table]: { Keys: [key(`POOL#${poolId}`, 'POOL'), key(`BENCH#${n}`, 'A'), key(`BENCH#${n}`, 'B')] } },
      }),
    );
    const put = (sk: string) => ({
      Put: {
        TableName: names.table,
        Item: { ...key(`BENCH#${n}`, sk), entity: { S: 'bench' } },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
    await db.send(new TransactWriteItemsCommand({ TransactItems: ['1', '2', '3', '4', '5', '6'].map(put) }));
  };
  await repeated(pair, 10, 1);
  return {
    one: figures(await repeated(pair, 100, 1)),
  };
}
