import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import middy from '@middy/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { throughFrontDoor } from '../../functions/lib/front-door';
import { getSecretString } from '../../shared/platform/aws/secret-value';
import { type FrontDoorSecret, frontDoor, frontDoorCheck, opens, parseFrontDoorSecret } from '../../shared/platform/front-door';
import { type OriginHeaders, rotationStep, type SecretVersions } from '../../shared/platform/front-door-rotation';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

describe('the front door check', () => {
  it('opens for the current or the previous value only', () => {
    const secret: FrontDoorSecret = { current: A, previous: B };
    expect(opens(secret, A)).toBe(true);
    expect(opens(secret, B)).toBe(true);
    expect(opens(secret, `${A}x`)).toBe(false);
    expect(opens({ current: A }, B)).toBe(false);
  });

  it('refuses a request without the header without reading the secret', async () => {
    let reads = 0;
    const check = frontDoorCheck(async () => {
      reads++;
      return { current: A };
    });
    expect(await check(undefined)).toBe(false);
    expect(await check('')).toBe(false);
    expect(reads).toBe(0);
  });

  it('reads once, and again on a mismatch only after a pause (a rotation), never on every bad request', async () => {
    let now = 0;
    let stored: FrontDoorSecret = { current: A };
    let reads = 0;
    const check = frontDoorCheck(
      async () => {
        reads++;
        return stored;
      },
      () => now,
    );
    expect(await check(A)).toBe(true);
    expect(await check(A)).toBe(true);
    expect(reads).toBe(1);
    // Rotated: CloudFront now sends B.
    stored = { current: B, previous: A };
    expect(await check(B)).toBe(false); // read 0 s ago: not read again yet
    expect(reads).toBe(1);
    now += frontDoor.rereadAfterMs + 1;
    expect(await check(B)).toBe(true);
    expect(reads).toBe(2);
    expect(await check(A)).toBe(true); // the old value still passes while the change spreads
    expect(await check('forged'.repeat(8))).toBe(false);
    expect(reads).toBe(2);
    now += frontDoor.maxAgeMs + 1;
    expect(await check(B)).toBe(true);
    expect(reads).toBe(3);
  });

  it('refuses a secret with no current value of at least 32 characters', () => {
    expect(() => parseFrontDoorSecret('{}')).toThrow(/no current value/);
    expect(() => parseFrontDoorSecret('{"current":"short"}')).toThrow(/no current value/);
    expect(parseFrontDoorSecret(JSON.stringify({ current: A, previous: B }))).toEqual({ current: A, previous: B });
  });
});

describe('the rotation steps', () => {
  function fakes() {
    const versions = new Map<string, { text: string; stages: string[] }>([
      ['v1', { text: JSON.stringify({ current: A }), stages: ['AWSCURRENT'] }],
    ]);
    const header = { value: A, origins: 1 };
    const secret: SecretVersions = {
      async read(stage, versionId) {
        const found = [...versions].find(([id, v]) => v.stages.includes(stage) && (!versionId || id === versionId));
        return found?.[1].text;
      },
      async putPending(versionId, text) {
        versions.set(versionId, { text, stages: ['AWSPENDING'] });
      },
      async currentVersionId() {
        return [...versions].find(([, v]) => v.stages.includes('AWSCURRENT'))?.[0];
      },
      async makeCurrent(versionId, previous) {
        if (previous) versions.set(previous, { ...(versions.get(previous) as { text: string }), stages: ['AWSPREVIOUS'] });
        versions.set(versionId, { ...(versions.get(versionId) as { text: string }), stages: ['AWSCURRENT'] });
      },
    };
    const origin: OriginHeaders = {
      async setHeader(name, value) {
        expect(name).toBe(frontDoor.header);
        header.value = value;
        return header.origins;
      },
    };
    return { versions, header, secret, origin };
  }

  it('makes a new value, sets it on CloudFront, keeps the old as previous, then makes it current; each step may run twice', async () => {
    const f = fakes();
    for (const step of ['createSecret', 'createSecret', 'setSecret', 'setSecret', 'testSecret', 'finishSecret', 'finishSecret'] as const)
      await rotationStep(step, 'v2', f.secret, f.origin);
    const now = parseFrontDoorSecret((await f.secret.read('AWSCURRENT')) as string);
    expect(now.previous).toBe(A);
    expect(now.current).not.toBe(A);
    expect(now.current.length).toBeGreaterThanOrEqual(32);
    expect(f.header.value).toBe(now.current);
    expect(f.versions.get('v1')?.stages).toEqual(['AWSPREVIOUS']);
  });

  it('fails setSecret when no origin carries the header, so Secrets Manager stops before making the value current', async () => {
    const f = fakes();
    f.header.origins = 0;
    await rotationStep('createSecret', 'v2', f.secret, f.origin);
    await expect(rotationStep('setSecret', 'v2', f.secret, f.origin)).rejects.toThrow(/no CloudFront origin/);
  });
});

describe('GetSecretValue as one signed call', () => {
  it('sends the JSON protocol request, signed with SigV4 for secretsmanager in the region, and returns SecretString', async () => {
    let seen: { headers: IncomingHttpHeaders; body: string } | undefined;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        seen = { headers: req.headers, body };
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify({ SecretString: '{"current":"x"}' }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'token' };
    // As Lambda gives them: the region and the role's credentials in the environment.
    vi.stubEnv('AWS_ENDPOINT_URL_SECRETS_MANAGER', url);
    vi.stubEnv('AWS_REGION', 'eu-west-2');
    vi.stubEnv('AWS_ACCESS_KEY_ID', credentials.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', credentials.secretAccessKey);
    vi.stubEnv('AWS_SESSION_TOKEN', credentials.sessionToken);
    try {
      expect(await getSecretString('arn:aws:secretsmanager:eu-west-2:1:secret:s')).toBe('{"current":"x"}');
    } finally {
      vi.unstubAllEnvs();
      server.close();
    }
    expect(seen?.headers['x-amz-target']).toBe('secretsmanager.GetSecretValue');
    expect(seen?.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(JSON.parse(seen?.body ?? '')).toEqual({ SecretId: 'arn:aws:secretsmanager:eu-west-2:1:secret:s' });
    expect(seen?.headers['x-amz-security-token']).toBe('token');
    const auth = String(seen?.headers.authorization);
    expect(auth).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-2\/secretsmanager\/aws4_request, SignedHeaders=[^,]*x-amz-target/,
    );
    // Worked out here from AWS's SigV4 steps, with nothing of the signer: canonical request,
    // string to sign, derived key, signature over exactly what arrived.
    const headers = seen?.headers ?? {};
    const signed = (/SignedHeaders=([^,]+)/.exec(auth)?.[1] ?? '').split(';');
    const amzDate = String(headers['x-amz-date']);
    const scope = `${amzDate.slice(0, 8)}/eu-west-2/secretsmanager/aws4_request`;
    const sha = (x: string) => createHash('sha256').update(x).digest('hex');
    const canonical = [
      'POST',
      '/',
      '',
      ...signed.map((h) => `${h}:${String(headers[h]).trim()}`),
      '',
      signed.join(';'),
      sha(seen?.body ?? ''),
    ].join('\n');
    const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha(canonical)].join('\n');
    const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
    const key = ['eu-west-2', 'secretsmanager', 'aws4_request'].reduce(
      (k, part) => hmac(k, part),
      hmac(`AWS4${credentials.secretAccessKey}`, amzDate.slice(0, 8)),
    );
    expect(auth).toContain(`Signature=${createHmac('sha256', key).update(toSign).digest('hex')}`);
  });
});

describe('GetSecretValue that never answers', () => {
  it('fails after its timeout rather than holding the request', async () => {
    const server = createServer(() => {
      // Never answers.
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    vi.stubEnv('AWS_ENDPOINT_URL_SECRETS_MANAGER', `http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    vi.stubEnv('AWS_REGION', 'eu-west-2');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    try {
      const started = Date.now();
      await expect(getSecretString('arn:aws:secretsmanager:eu-west-2:1:secret:s', 300)).rejects.toThrow('GetSecretValue timed out');
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      vi.unstubAllEnvs();
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('every routed function starts with the check', () => {
  afterEach(() => {
    delete process.env[frontDoor.secretEnv];
  });
  const handler = middy<{ headers?: Record<string, string | undefined> }, unknown>()
    .use(throughFrontDoor(async (given) => given === A))
    .handler(async () => ({ statusCode: 200, body: 'ran' }));

  it('on AWS (the secret named in the environment): a request without the header gets a 403 and the handler does not run', async () => {
    process.env[frontDoor.secretEnv] = 'arn:aws:secretsmanager:eu-west-2:1:secret:front-door';
    expect(await handler({ headers: {} }, {} as never)).toMatchObject({ statusCode: 403 });
    expect(await handler({ headers: { [frontDoor.header]: B } }, {} as never)).toMatchObject({ statusCode: 403 });
    expect(await handler({ headers: { [frontDoor.header]: A } }, {} as never)).toEqual({ statusCode: 200, body: 'ran' });
  });

  it('locally (no CloudFront, no secret in the environment): everything passes', async () => {
    expect(await handler({ headers: {} }, {} as never)).toEqual({ statusCode: 200, body: 'ran' });
  });
});

describe('the handler files', () => {
  it('every wrapper that serves HTTP uses the check', async () => {
    const { readFileSync } = await import('node:fs');
    for (const file of [
      'functions/lib/http.ts',
      'functions/lib/link-route.ts',
      'functions/lib/web/page-route.tsx',
      'functions/calendar/feed.ts',
    ]) {
      const text = readFileSync(file, 'utf8');
      expect(text.split('.use(injectLambdaContext(logger))').length, file).toBe(text.split('.use(throughFrontDoor())').length);
    }
  });
});
