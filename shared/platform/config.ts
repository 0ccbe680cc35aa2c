import { envNames, needFor } from './environment';

/**
 * Configuration comes from the environment in both targets: CDK sets it on each Lambda from
 * the function's needs, and the local runtime gives each handler the same variables. Read at
 * the moment of use, never at module load, so each invocation sees its own function's set.
 */
function env(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`environment variable ${name} is not set: this function's catalog entry must declare the need ${needFor(name)}`);
  }
  return value;
}

export const config = {
  tableName: () => env(envNames.table),
  eventBusName: () => env(envNames.eventBus),
  senderEmail: () => env(envNames.senderEmail),
  sesConfigurationSet: () => env(envNames.sesConfigurationSet),
  appUrl: () => env(envNames.appUrl),
  scheduleGroup: () => env(envNames.scheduleGroup),
  schedulerRoleArn: () => env(envNames.schedulerRole),
  authDomain: () => env(envNames.authDomain),
  authClientId: () => env(envNames.authClientId),
  authIssuer: () => env(envNames.authIssuer),
  ocidPrefix: () => env(envNames.ocidPrefix),
  workflowArn: (workflowId: string) => env(envNames.workflowArn(workflowId)),
  functionArn: (functionId: string) => env(envNames.functionArn(functionId)),
};
