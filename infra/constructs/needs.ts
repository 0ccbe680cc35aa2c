import { ArnFormat, Stack } from 'aws-cdk-lib';
import type { EventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { type Need, names } from '../catalog';
import type { DataTable } from './data-table';
import type { Mail } from './mail';
import type { Scheduling } from './scheduling';

/** Which workflow each `start-…` need may start (by workflow id in the catalog). */
const startableWorkflow: Partial<Record<Need, string>> = {
  'start-consortium-workflow': 'consortium-invitation',
  'start-round-workflow': 'allocation-round',
  'start-grant-workflow': 'grant',
  'start-report-workflow': 'reporting-cycle',
};

export interface NeedsContext {
  table: DataTable;
  mail: Mail;
  appUrl: string;
  bus: EventBus;
  scheduling: Scheduling;
  workflows: { id: string; arnEnv: string; stateMachine: StateMachine }[];
  /** Env var name → function ARN, handed to functions that create schedules (their targets). */
  scheduleTargets: Record<string, string>;
}

/**
 * Turns what the catalog says a function touches into its environment and a grant scoped to
 * exactly that resource. A need without a case here fails the build rather than deploying a
 * function that cannot do its job.
 */
export function applyNeeds(fn: LambdaFunction, needs: readonly Need[], ctx: NeedsContext): void {
  for (const need of needs) {
    switch (need) {
      case 'table-read':
        fn.addEnvironment('TABLE_NAME', ctx.table.table.tableName);
        ctx.table.grantRead(fn);
        break;
      case 'table-write':
        fn.addEnvironment('TABLE_NAME', ctx.table.table.tableName);
        ctx.table.grantWrite(fn);
        break;
      case 'mail':
        fn.addEnvironment('SENDER_EMAIL', ctx.mail.senderEmail);
        fn.addEnvironment('SES_CONFIGURATION_SET', ctx.mail.configurationSet.configurationSetName);
        fn.addEnvironment('APP_URL', ctx.appUrl);
        ctx.mail.grantSend(fn);
        break;
      case 'start-consortium-workflow':
      case 'start-round-workflow':
      case 'start-grant-workflow':
      case 'start-report-workflow': {
        const workflow = ctx.workflows.find((w) => w.id === startableWorkflow[need]);
        if (!workflow) throw new Error(`need ${need}: no workflow "${startableWorkflow[need]}" in the catalog`);
        // By name, not by reference: a workflow task may start its own workflow (continue-as-new),
        // and a reference both ways would make the template circular.
        const arn = stateMachineArnByName(fn, workflow.id);
        fn.addEnvironment(workflow.arnEnv, arn);
        fn.addToRolePolicy(new PolicyStatement({ actions: ['states:StartExecution'], resources: [arn] }));
        break;
      }
      case 'task-callback':
        // Callers answer task tokens of our own workflows only. IAM evaluates SendTask* against the
        // state machine that issued the token (the same scoping CDK's grantTaskResponse uses). The
        // ARN is built from the fixed name, not referenced: a task inside a workflow may answer
        // that workflow's own tokens, and a reference would make the template circular.
        fn.addToRolePolicy(
          new PolicyStatement({
            actions: ['states:SendTaskSuccess', 'states:SendTaskFailure'],
            resources: ctx.workflows.map((w) => stateMachineArnByName(fn, w.id)),
          }),
        );
        break;
      case 'publish-events':
        fn.addEnvironment('EVENT_BUS_NAME', ctx.bus.eventBusName);
        ctx.bus.grantPutEventsTo(fn);
        break;
      case 'create-schedules':
        fn.addEnvironment('SCHEDULE_GROUP', ctx.scheduling.groupName);
        fn.addEnvironment('SCHEDULER_ROLE_ARN', ctx.scheduling.role.roleArn);
        for (const [name, arn] of Object.entries(ctx.scheduleTargets)) fn.addEnvironment(name, arn);
        ctx.scheduling.grantCreateSchedules(fn);
        break;
      default:
        throw new Error(`need ${need satisfies never} has no grant`);
    }
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
