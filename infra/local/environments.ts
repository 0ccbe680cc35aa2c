import { readFileSync } from 'node:fs';
import { names } from '../../shared/platform/catalog';
import { environmentFor, type NeedValues } from '../../shared/platform/environment';
import { checkOcidPrefix } from '../../shared/tenders/ocds';
import type { Catalog } from '../catalog';
import { localCredentials } from './dynamodb-local';
import { functionArn, localAccount, localRegion } from './lambdas';
import { stateMachineArn } from './step-functions';

interface LocalUrls {
  dynamodb: string;
  mail: string;
  aws: string;
  api: string;
  /** The table's name in that DynamoDB (the stack's, or a test runtime's own in a shared engine). */
  table: string;
}

/** What Lambda itself puts in every function's environment, with each SDK client pointed at its local engine. */
function lambdaEnvironment(fnId: string, urls: LocalUrls): Record<string, string> {
  return {
    AWS_REGION: localRegion,
    AWS_DEFAULT_REGION: localRegion,
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    AWS_LAMBDA_FUNCTION_NAME: names.functionName(fnId),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL_DYNAMODB: urls.dynamodb,
    AWS_ENDPOINT_URL_SESV2: urls.mail,
    AWS_ENDPOINT_URL_SFN: urls.aws,
    AWS_ENDPOINT_URL_EVENTBRIDGE: urls.aws,
    AWS_ENDPOINT_URL_SCHEDULER: urls.aws,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    PATH: process.env.PATH ?? '',
    // As the stack sets on every function; local logs are printed readably.
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'WARN',
    POWERTOOLS_DEV: 'true',
  };
}

/** The deployment's OCDS prefix as cdk.json sets it for AWS, or GRANTLOOP_OCID_PREFIX to try another locally. */
export function ocidPrefix(): string {
  const cdk = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: { ocidPrefix: string } };
  return checkOcidPrefix(process.env.GRANTLOOP_OCID_PREFIX ?? cdk.context.ocidPrefix);
}

/** The resources needs refer to, as they are named locally (the stack passes CDK references instead). */
const localNeedValues = (urls: LocalUrls): NeedValues => ({
  tableName: urls.table,
  senderEmail: 'grantloop@grantloop.local',
  sesConfigurationSet: 'grantloop',
  appUrl: urls.api,
  eventBusName: names.eventBus,
  scheduleGroup: names.scheduleGroup,
  schedulerRoleArn: `arn:aws:iam::${localAccount}:role/grantloop-scheduler`,
  // Cognito's sign-in functions are AWS-only (`only: 'aws'`); nothing local reads these.
  authDomain: 'https://sign-in.invalid',
  authClientId: 'local',
  authIssuer: 'https://sign-in.invalid',
  ocidPrefix: ocidPrefix(),
  workflowArn: stateMachineArn,
  functionArn,
});

/** Each function's environment: Lambda's own variables and exactly what its needs produce. */
export function functionEnvironments(catalog: Catalog, urls: LocalUrls) {
  return (fnId: string) => ({
    ...lambdaEnvironment(fnId, urls),
    ...environmentFor(catalog.functions[fnId]?.needs ?? [], localNeedValues(urls)),
  });
}

/**
 * The runtime's own environment, for code that is not a handler (bootstrapping the first admin,
 * exports, tests reading the table): every variable any need produces. Handlers never see it.
 */
export function operatorEnvironment(urls: LocalUrls): Record<string, string> {
  const all = environmentFor(['table-read', 'mail', 'publish-events'], localNeedValues(urls));
  return { ...lambdaEnvironment('operator', urls), ...all, LOG_LEVEL: process.env.LOG_LEVEL ?? 'WARN' };
}
