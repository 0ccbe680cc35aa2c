import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { dynamodbPlugin, marshalRequest, unmarshalAnswer } from '../../shared/platform/aws/dynamodb-plugin';
import { awsCall, awsErrorCode, isAwsError, liteClient, throttleRounds } from '../../shared/platform/aws/lite';

// Stand-ins for aws-lite's marshaller that tag what they touched, so each test sees which attribute maps were converted.
const marshal = (v: unknown) => ({ marshalled: v });
const unmarshal = (v: unknown) => ({ unmarshalled: v });

describe('the DynamoDB actions grantloop calls (an aws-lite plugin)', () => {
  it('marshals every attribute map of a request, a transaction and a batch, and changes nothing the caller passed', () => {
    const put = { Put: { TableName: 't', Item: { pk: 'a' }, ConditionExpression: 'x', ExpressionAttributeValues: { ':v': 1 } } };
    const input = {
      TransactItems: [put, { ConditionCheck: { TableName: 't', Key: { pk: 'b' }, ConditionExpression: 'y' } }],
    };
    const before = JSON.stringify(input);
    expect(marshalRequest(input, marshal)).toEqual({
      TransactItems: [
        {
          Put: {
            TableName: 't',
            Item: { marshalled: { pk: 'a' } },
            ConditionExpression: 'x',
            ExpressionAttributeValues: { marshalled: { ':v': 1 } },
          },
        },
        { ConditionCheck: { TableName: 't', Key: { marshalled: { pk: 'b' } }, ConditionExpression: 'y' } },
      ],
    });
    expect(JSON.stringify(input)).toBe(before);
    expect(marshalRequest({ TableName: 't', KeyConditionExpression: 'k', ExclusiveStartKey: { pk: 'c' } }, marshal)).toEqual({
      TableName: 't',
      KeyConditionExpression: 'k',
      ExclusiveStartKey: { marshalled: { pk: 'c' } },
    });
    expect(marshalRequest({ RequestItems: { t: { Keys: [{ pk: 'd' }] } } }, marshal)).toEqual({
      RequestItems: { t: { Keys: [{ marshalled: { pk: 'd' } }] } },
    });
  });

  it('unmarshals every attribute map of an answer, pagination keys included, and leaves the rest', () => {
    const answer = {
      Items: [{ pk: { S: 'a' } }],
      LastEvaluatedKey: { pk: { S: 'a' } },
      Count: 1,
      ConsumedCapacity: { CapacityUnits: 0.5 },
      Responses: { t: [{ pk: { S: 'b' } }] },
      UnprocessedKeys: { t: { Keys: [{ pk: { S: 'c' } }] } },
    };
    expect(unmarshalAnswer(answer, unmarshal)).toEqual({
      Items: [{ unmarshalled: { pk: { S: 'a' } } }],
      LastEvaluatedKey: { unmarshalled: { pk: { S: 'a' } } },
      Count: 1,
      ConsumedCapacity: { CapacityUnits: 0.5 },
      Responses: { t: [{ unmarshalled: { pk: { S: 'b' } } }] },
      UnprocessedKeys: { t: { Keys: [{ unmarshalled: { pk: { S: 'c' } } }] } },
    });
  });

  it('offers the seven actions the stores use and no Scan: every list is a Query (the bench counted Scans until issue 27)', () => {
    expect(Object.keys(dynamodbPlugin.methods).sort()).toEqual([
      'BatchGetItem',
      'DeleteItem',
      'GetItem',
      'PutItem',
      'Query',
      'TransactWriteItems',
      'UpdateItem',
    ]);
  });

  it('names an error by its code, not by DynamoDB’s namespaced type', async () => {
    const error = { __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException', message: 'The conditional request failed' };
    const onError = dynamodbPlugin.methods.UpdateItem?.error;
    const named = (await onError?.({ error })) as { error: Record<string, unknown> };
    expect(named.error.name).toBe('ConditionalCheckFailedException');
  });
});

describe('AWS error codes', () => {
  const answered = (fields: Record<string, unknown>) => Object.assign(new Error('refused'), fields);
  it('reads the code from a JSON protocol’s __type or a REST protocol’s x-amzn-errortype header', () => {
    expect(awsErrorCode(answered({ __type: 'com.amazonaws.swf.service.model.v20120810#ExecutionAlreadyExists' }))).toBe(
      'ExecutionAlreadyExists',
    );
    expect(awsErrorCode(answered({ headers: { 'x-amzn-errortype': 'ConflictException:http://internal.amazon.com/coral/' } }))).toBe(
      'ConflictException',
    );
    expect(isAwsError(answered({ name: 'TaskTimedOut' }), 'TaskDoesNotExist', 'TaskTimedOut')).toBe(true);
    expect(isAwsError(new Error('plain'), 'ConflictException')).toBe(false);
    expect(isAwsError('ConflictException', 'ConflictException')).toBe(false);
  });
});

describe('one AWS call (awsCall)', () => {
  const answered = (fields: Record<string, unknown>) => Object.assign(new Error('refused'), fields);
  it('waits out a throttled call, longer each round, then gives up naming the error by its code', async () => {
    const waits: number[] = [];
    let calls = 0;
    const throttled = () => {
      calls++;
      return Promise.reject(answered({ __type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException' }));
    };
    const error = await awsCall(throttled, async (ms) => {
      waits.push(ms);
    }).catch((e: Error) => e);
    expect(calls).toBe(throttleRounds + 1);
    expect(waits).toHaveLength(throttleRounds);
    // Jittered: the first wait at most 1 s, the second at most 2 s.
    expect(waits[0]).toBeLessThanOrEqual(1000);
    expect(waits[1]).toBeLessThanOrEqual(2000);
    expect(error).toMatchObject({ name: 'ThrottlingException' });
  });

  it('returns once a throttled call goes through, and does not retry any other refusal', async () => {
    let calls = 0;
    const twice = () =>
      ++calls < 2 ? Promise.reject(answered({ headers: { 'x-amzn-errortype': 'ThrottlingException' } })) : Promise.resolve('done');
    expect(await awsCall(twice, async () => {})).toBe('done');
    let conflicts = 0;
    const conflict = () => {
      conflicts++;
      return Promise.reject(answered({ headers: { 'x-amzn-errortype': 'ConflictException:http://internal.amazon.com/coral/' } }));
    };
    await expect(awsCall(conflict, async () => {})).rejects.toMatchObject({ name: 'ConflictException' });
    expect(conflicts).toBe(1);
  });
});

describe('starting a client (liteClient, through aws-lite’s client factory)', () => {
  const names = ['AWS_ENDPOINT_URL_GRANTLOOPTEST', 'AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'];
  const withEnvironment = async <T>(values: Record<string, string | undefined>, run: () => Promise<T>): Promise<T> => {
    const before = Object.fromEntries(names.map((n) => [n, process.env[n]]));
    for (const n of names) {
      if (values[n] === undefined) delete process.env[n];
      else process.env[n] = values[n];
    }
    try {
      return await run();
    } finally {
      for (const n of names) {
        if (before[n] === undefined) delete process.env[n];
        else process.env[n] = before[n];
      }
    }
  };

  it('sends to the endpoint in AWS_ENDPOINT_URL_<SERVICE>, path prefix and port kept, signed for the region and key in the environment', async () => {
    const seen: { url?: string; authorization?: string; token?: string } = {};
    const server = createServer((req, res) => {
      Object.assign(seen, { url: req.url, authorization: req.headers.authorization, token: req.headers['x-amz-security-token'] });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      const answer = await withEnvironment(
        {
          AWS_ENDPOINT_URL_GRANTLOOPTEST: `http://127.0.0.1:${port}/engine`,
          AWS_REGION: 'eu-west-2',
          AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
          AWS_SECRET_ACCESS_KEY: 'secret',
          AWS_SESSION_TOKEN: 'session',
        },
        async () => (await liteClient('GRANTLOOPTEST')())({ service: 'dynamodb', method: 'POST', path: '/call', payload: {} }),
      );
      expect(answer.payload).toEqual({ ok: true });
      expect(seen.url).toBe('/engine/call');
      expect(seen.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-2\/dynamodb\/aws4_request,/);
      expect(seen.token).toBe('session');
    } finally {
      server.close();
    }
  });

  it('carries the DynamoDB plugin: values marshalled, undefined attributes left out, answers unmarshalled, errors named', async () => {
    const bodies: Record<string, unknown> = {};
    const server = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk) => {
        text += chunk;
      });
      req.on('end', () => {
        const action = String(req.headers['x-amz-target']).split('.')[1] ?? '';
        bodies[action] = JSON.parse(text);
        const json = { 'content-type': 'application/x-amz-json-1.0' };
        if (action === 'GetItem') res.writeHead(200, json).end('{"Item":{"pk":{"S":"a"},"n":{"N":"2"},"tags":{"L":[{"S":"x"}]}}}');
        else if (action === 'PutItem') res.writeHead(200, json).end('{}');
        else res.writeHead(400, json).end('{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"no"}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      await withEnvironment(
        {
          AWS_ENDPOINT_URL_GRANTLOOPTEST: `http://127.0.0.1:${port}`,
          AWS_REGION: 'eu-west-2',
          AWS_ACCESS_KEY_ID: 'a',
          AWS_SECRET_ACCESS_KEY: 'b',
        },
        async () => {
          const client = (await liteClient('GRANTLOOPTEST', { plugins: [dynamodbPlugin], retries: 0 })()) as unknown as {
            DynamoDB: Record<string, (input: Record<string, unknown>) => Promise<Record<string, unknown>>>;
          };
          expect(await client.DynamoDB.GetItem?.({ TableName: 't', Key: { pk: 'a' } })).toMatchObject({
            Item: { pk: 'a', n: 2, tags: ['x'] },
          });
          expect(bodies.GetItem).toEqual({ TableName: 't', Key: { pk: { S: 'a' } } });
          await client.DynamoDB.PutItem?.({ TableName: 't', Item: { pk: 'a', gone: undefined } });
          expect(bodies.PutItem).toEqual({ TableName: 't', Item: { pk: { S: 'a' } } });
          await expect(client.DynamoDB.DeleteItem?.({ TableName: 't', Key: { pk: 'a' } })).rejects.toMatchObject({
            name: 'ConditionalCheckFailedException',
          });
        },
      );
    } finally {
      server.close();
    }
  });

  it('says which variable is missing rather than looking anywhere else', async () => {
    const start = (values: Record<string, string | undefined>) => withEnvironment(values, () => liteClient('GRANTLOOPTEST')());
    await expect(start({ AWS_REGION: 'eu-west-2' })).rejects.toThrow('AWS credentials are not in the environment');
    await expect(start({ AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b' })).rejects.toThrow(
      'The AWS region is not in the environment: AWS_REGION is not set',
    );
  });
});
