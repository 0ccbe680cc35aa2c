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

type PlainNeed = Exclude<Need, object>;
type NeedValue = { [K in keyof NeedValues]: NeedValues[K] extends string ? K : never }[keyof NeedValues];

/**
 * The variables each plain need sets, and the value each takes: one table, read both by
 * `environmentFor` (what a function is given) and by `needFor` (what to declare for a variable).
 */
const plainNeeds: Record<PlainNeed, readonly (readonly [variable: string, value: NeedValue])[]> = {
  'table-read': [[envNames.table, 'tableName']],
  'table-write': [[envNames.table, 'tableName']],
  mail: [
    [envNames.senderEmail, 'senderEmail'],
    [envNames.sesConfigurationSet, 'sesConfigurationSet'],
    [envNames.appUrl, 'appUrl'],
  ],
  'publish-events': [[envNames.eventBus, 'eventBusName']],
  web: [[envNames.appUrl, 'appUrl']],
  'sign-in': [
    [envNames.appUrl, 'appUrl'],
    [envNames.authDomain, 'authDomain'],
    [envNames.authClientId, 'authClientId'],
    [envNames.authIssuer, 'authIssuer'],
  ],
  'open-data': [[envNames.ocidPrefix, 'ocidPrefix']],
  // Answering task tokens needs a permission, not configuration.
  'task-callback': [],
};

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
    const variables = Object.hasOwn(plainNeeds, need) ? plainNeeds[need] : undefined;
    if (!variables) throw new Error(`need ${need} produces no environment`);
    for (const [variable, value] of variables) env[variable] = v[value];
  }
  return env;
}

/** Which need a variable comes from, for the error a function gets when it reads one it was not given. */
export function needFor(variable: string): string {
  const from = Object.entries(plainNeeds)
    .filter(([, variables]) => variables.some(([name]) => name === variable))
    .map(([need]) => `'${need}'`);
  if (from.length) return from.length === 1 ? (from[0] as string) : `${from.slice(0, -1).join(', ')} or ${from.at(-1)}`;
  if (variable === envNames.scheduleGroup || variable === envNames.schedulerRole) return '{ schedules: <function id> }';
  if (variable.startsWith('WORKFLOW_ARN_')) return '{ startWorkflow: <workflow id> }';
  if (variable.startsWith('FUNCTION_ARN_')) return '{ schedules: <function id> }';
  return 'no need (it is not a grantloop variable)';
}
