import { ArnFormat, Stack } from 'aws-cdk-lib';
import type { EventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { names } from '../../shared/platform/catalog';
import { environmentFor, type Need } from '../../shared/platform/environment';
import type { DataTable } from './data-table';
import type { Mail } from './mail';
import type { Scheduling } from './scheduling';

interface NeedsContext {
  table: DataTable;
  mail: Mail;
  appUrl: string;
  ocidPrefix: string;
  auth: { domain: string; clientId: string; issuer: string };
  bus: EventBus;
  scheduling: Scheduling;
  /** Catalog workflow ids, to scope callback permissions to our own state machines. */
  workflowIds: string[];
  functionArn(functionId: string): string;
}

/**
 * Turns what the catalog says a function touches into its environment (the same function the
 * local runtime uses, `environmentFor`) and a grant scoped to exactly that resource.
 */
export function applyNeeds(fn: LambdaFunction, needs: readonly Need[], ctx: NeedsContext): void {
  const env = environmentFor(needs, {
    tableName: ctx.table.table.tableName,
    senderEmail: ctx.mail.senderEmail,
    sesConfigurationSet: ctx.mail.configurationSet.configurationSetName,
    appUrl: ctx.appUrl,
    eventBusName: ctx.bus.eventBusName,
    scheduleGroup: ctx.scheduling.groupName,
    schedulerRoleArn: ctx.scheduling.role.roleArn,
    authDomain: ctx.auth.domain,
    authClientId: ctx.auth.clientId,
    authIssuer: ctx.auth.issuer,
    ocidPrefix: ctx.ocidPrefix,
    // By name, not by reference: a workflow task may start its own workflow (continue-as-new),
    // and a reference both ways would make the template circular.
    workflowArn: (id) => stateMachineArnByName(fn, id),
    functionArn: (id) => ctx.functionArn(id),
  });
  for (const [name, value] of Object.entries(env)) fn.addEnvironment(name, value);
  for (const need of needs) grant(fn, need, ctx);
}

function grant(fn: LambdaFunction, need: Need, ctx: NeedsContext): void {
  if (typeof need === 'object') {
    if ('startWorkflow' in need) {
      fn.addToRolePolicy(
        new PolicyStatement({ actions: ['states:StartExecution'], resources: [stateMachineArnByName(fn, need.startWorkflow)] }),
      );
    } else {
      ctx.scheduling.grantCreateSchedules(fn);
    }
    return;
  }
  switch (need) {
    case 'table-read':
      ctx.table.grantRead(fn);
      break;
    case 'table-write':
      ctx.table.grantWrite(fn);
      break;
    case 'mail':
      ctx.mail.grantSend(fn);
      break;
    case 'task-callback':
      // Callers answer task tokens of our own workflows only. IAM evaluates SendTask* against the
      // state machine that issued the token (the same scoping CDK's grantTaskResponse uses). The
      // ARN is built from the fixed name, not referenced: a task inside a workflow may answer
      // that workflow's own tokens, and a reference would make the template circular.
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['states:SendTaskSuccess', 'states:SendTaskFailure'],
          resources: ctx.workflowIds.map((id) => stateMachineArnByName(fn, id)),
        }),
      );
      break;
    case 'publish-events':
      ctx.bus.grantPutEventsTo(fn);
      break;
    case 'web':
    case 'sign-in':
    case 'open-data':
      // Configuration only: sessions are table items (their own needs), Cognito's endpoints are public.
      break;
    default:
      throw new Error(`need ${need satisfies never} has no grant`);
  }
}

/** A state machine's ARN from its fixed name (see `names.stateMachineName`). */
function stateMachineArnByName(scope: LambdaFunction, workflowId: string): string {
  return Stack.of(scope).formatArn({
    service: 'states',
    resource: 'stateMachine',
    resourceName: names.stateMachineName(workflowId),
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}
