import { createHash, createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { SignatureV4 } from '@smithy/signature-v4';

/**
 * Secrets Manager's GetSecretValue as one signed HTTPS call. Every function behind the HTTP API
 * reads the front door's secret (functions/lib/front-door.ts), and the SDK's Secrets Manager
 * client would add about 27 KB to each of those bundles (measured with esbuild beside the
 * DynamoDB client) for this one JSON call. The call is the service's documented JSON protocol
 * (`X-Amz-Target: secretsmanager.GetSecretValue`), signed by the SDK's own SigV4 signer with the
 * function's role credentials, which Lambda puts in the environment.
 */
type Data = string | ArrayBuffer | ArrayBufferView;
const bytes = (d: Data) =>
  typeof d === 'string' ? d : d instanceof ArrayBuffer ? new Uint8Array(d) : new Uint8Array(d.buffer, d.byteOffset, d.byteLength);

class Sha256 {
  private readonly hash;
  constructor(secret?: Data) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: Data): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

export interface SecretEndpoint {
  region: string;
  /** Defaults to the regional endpoint; tests give a local server. */
  url?: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

export function lambdaSecretEndpoint(): SecretEndpoint {
  const e = process.env;
  return {
    region: e.AWS_REGION ?? '',
    credentials: {
      accessKeyId: e.AWS_ACCESS_KEY_ID ?? '',
      secretAccessKey: e.AWS_SECRET_ACCESS_KEY ?? '',
      sessionToken: e.AWS_SESSION_TOKEN,
    },
  };
}

export async function getSecretString(secretId: string, endpoint: SecretEndpoint): Promise<string> {
  const url = new URL(endpoint.url ?? `https://secretsmanager.${endpoint.region}.amazonaws.com/`);
  const body = JSON.stringify({ SecretId: secretId });
  const signer = new SignatureV4({ service: 'secretsmanager', region: endpoint.region, credentials: endpoint.credentials, sha256: Sha256 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: url.pathname,
    query: {},
    headers: {
      host: url.host,
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'secretsmanager.GetSecretValue',
    },
    body,
  });
  const { status, text } = await post(url, signed.headers, body);
  if (status !== 200) throw new Error(`GetSecretValue answered ${status}: ${text.slice(0, 200)}`);
  const secret = (JSON.parse(text) as { SecretString?: unknown }).SecretString;
  if (typeof secret !== 'string') throw new Error('GetSecretValue answered no SecretString');
  return secret;
}

function post(url: URL, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  // http only for a test's local server; both modules are loaded by the SDK's HTTP handler anyway.
  const send = url.protocol === 'http:' ? httpRequest : httpsRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { method: 'POST', headers, timeout: 5000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('timeout', () => req.destroy(new Error('GetSecretValue timed out')));
    req.on('error', reject);
    req.end(body);
  });
}
