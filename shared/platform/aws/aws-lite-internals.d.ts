// The two modules of aws-lite that lite.ts starts a client with (see there). aws-lite types its entry only.
declare module '@aws-lite/client/src/client-factory.js' {
  import type awsLite from '@aws-lite/client';

  type Client = Awaited<ReturnType<typeof awsLite>>;
  /** What aws-lite's entry calls once it has found the configuration, the credentials and the region. */
  export default function clientFactory(
    config: Record<string, unknown>,
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
    region: string,
  ): Promise<Client>;
}

declare module '@aws-lite/client/src/lib/index.js' {
  /** An endpoint URL as aws-lite's request options: host, port, protocol and path prefix. */
  export function getEndpointParams(input: { endpoint: string }): Record<string, unknown>;
}
