/**
 * What a function touches, and the environment that produces. Both targets read this: the CDK
 * stack sets exactly these variables on each Lambda (and grants exactly these resources), and
 * the local runtime gives each handler exactly the same set, so a missing need fails locally
 * and in tests rather than first on AWS.
 */
export type Need =
  | 'table-read'
  | 'table-write'
  | 'mail'
  | 'task-callback'
  | 'publish-events'
  /** Serves staff pages: the site's own URL (cookies, the Origin check, links). */
  | 'web'
  /** Signs staff in with Cognito's managed login (AWS only). */
  | 'sign-in'
  /** Publishes open data: the deployment's registered OCDS ocid prefix. */
  | 'open-data'
  /** Starts executions of one workflow (by its catalog id). */
  | { readonly startWorkflow: string }
  /** Creates one-time schedules that invoke one function (by its catalog id). */
  | { readonly schedules: string };

const constant = (id: string) =>
  id
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/-/g, '_')
    .toUpperCase();

export const envNames = {
  table: 'TABLE_NAME',
  senderEmail: 'SENDER_EMAIL',
  sesConfigurationSet: 'SES_CONFIGURATION_SET',
  appUrl: 'APP_URL',
  eventBus: 'EVENT_BUS_NAME',
  scheduleGroup: 'SCHEDULE_GROUP',
  schedulerRole: 'SCHEDULER_ROLE_ARN',
  authDomain: 'AUTH_DOMAIN',
  authClientId: 'AUTH_CLIENT_ID',
  authIssuer: 'AUTH_ISSUER',
  ocidPrefix: 'OCID_PREFIX',
  workflowArn: (workflowId: string) => `WORKFLOW_ARN_${constant(workflowId)}`,
  functionArn: (functionId: string) => `FUNCTION_ARN_${constant(functionId)}`,
} as const;

/** The value of each resource a need refers to: CDK tokens on AWS, local endpoints and ARNs locally. */
export interface NeedValues {
  tableName: string;
  senderEmail: string;
  sesConfigurationSet: string;
  appUrl: string;
  eventBusName: string;
  scheduleGroup: string;
  schedulerRoleArn: string;
  /** Cognito: the managed login's base URL, the pages' app client, and the pool's token issuer. */
  authDomain: string;
  authClientId: string;
  authIssuer: string;
  /** Registered with the Open Contracting Partnership for this deployment (cdk.json context `ocidPrefix`). */
  ocidPrefix: string;
  workflowArn(workflowId: string): string;
  functionArn(functionId: string): string;
}

export function environmentFor(needs: readonly Need[], v: NeedValues): Record<string, string> {
  const env: Record<string, string> = {};
  for (const need of needs) {
    if (typeof need === 'object') {
      if ('startWorkflow' in need) {
        env[envNames.workflowArn(need.startWorkflow)] = v.workflowArn(need.startWorkflow);
      } else {
        env[envNames.scheduleGroup] = v.scheduleGroup;
        env[envNames.schedulerRole] = v.schedulerRoleArn;
        env[envNames.functionArn(need.schedules)] = v.functionArn(need.schedules);
      }
      continue;
    }
    switch (need) {
      case 'table-read':
      case 'table-write':
        env[envNames.table] = v.tableName;
        break;
      case 'mail':
        env[envNames.senderEmail] = v.senderEmail;
        env[envNames.sesConfigurationSet] = v.sesConfigurationSet;
        env[envNames.appUrl] = v.appUrl;
        break;
      case 'publish-events':
        env[envNames.eventBus] = v.eventBusName;
        break;
      case 'web':
        env[envNames.appUrl] = v.appUrl;
        break;
      case 'sign-in':
        env[envNames.appUrl] = v.appUrl;
        env[envNames.authDomain] = v.authDomain;
        env[envNames.authClientId] = v.authClientId;
        env[envNames.authIssuer] = v.authIssuer;
        break;
      case 'open-data':
        env[envNames.ocidPrefix] = v.ocidPrefix;
        break;
      case 'task-callback':
        // Answering task tokens needs a permission, not configuration.
        break;
      default:
        throw new Error(`need ${need satisfies never} produces no environment`);
    }
  }
  return env;
}

/** Which need a variable comes from, for the error a function gets when it reads one it was not given. */
export function needFor(variable: string): string {
  const fixed: Record<string, string> = {
    [envNames.table]: "'table-read' or 'table-write'",
    [envNames.senderEmail]: "'mail'",
    [envNames.sesConfigurationSet]: "'mail'",
    [envNames.appUrl]: "'mail', 'web' or 'sign-in'",
    [envNames.authDomain]: "'sign-in'",
    [envNames.authClientId]: "'sign-in'",
    [envNames.authIssuer]: "'sign-in'",
    [envNames.ocidPrefix]: "'open-data'",
    [envNames.eventBus]: "'publish-events'",
    [envNames.scheduleGroup]: '{ schedules: <function id> }',
    [envNames.schedulerRole]: '{ schedules: <function id> }',
  };
  if (fixed[variable]) return fixed[variable];
  if (variable.startsWith('WORKFLOW_ARN_')) return '{ startWorkflow: <workflow id> }';
  if (variable.startsWith('FUNCTION_ARN_')) return '{ schedules: <function id> }';
  return 'no need (it is not a grantloop variable)';
}
