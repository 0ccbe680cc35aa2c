import { fileURLToPath } from 'node:url';
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { type FunctionId, type FunctionSpec, functionArnEnv, functions, names, routes, rules, streamFilter, workflows } from './catalog';
import { Api } from './constructs/api';
import { DataTable } from './constructs/data-table';
import { Events } from './constructs/events';
import { GrantloopFunction } from './constructs/grantloop-function';
import { Mail } from './constructs/mail';
import { applyNeeds } from './constructs/needs';
import { Scheduling } from './constructs/scheduling';
import { Workflow } from './constructs/workflows';

/** Catalog entries name files relative to the repository root, wherever the app is run from. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export interface GrantloopStackProps extends StackProps {
  senderEmail: string;
  /** Base URL put into emails; defaults to the API's own URL. */
  appUrl?: string;
  logLevel?: string;
}

const functionIds = Object.keys(functions) as FunctionId[];

/** Everything the catalog declares, on AWS. */
export class GrantloopStack extends Stack {
  readonly functions: Record<FunctionId, LambdaFunction>;

  constructor(scope: Construct, id: string, props: GrantloopStackProps) {
    super(scope, id, props);

    const data = new DataTable(this, 'Data');
    const mail = new Mail(this, 'Mail', { senderEmail: props.senderEmail });

    this.functions = Object.fromEntries(
      functionIds.map((fnId) => {
        const spec: FunctionSpec = functions[fnId];
        const built = new GrantloopFunction(this, `Fn-${fnId}`, {
          spec,
          functionName: names.functionName(fnId),
          repoRoot,
          logLevel: props.logLevel,
        });
        return [fnId, built.fn];
      }),
    ) as Record<FunctionId, LambdaFunction>;

    const scheduleTargetIds = Object.keys(functionArnEnv) as FunctionId[];
    const scheduling = new Scheduling(this, 'Scheduling', {
      groupName: names.scheduleGroup,
      targets: scheduleTargetIds.map((fnId) => this.functions[fnId]),
    });

    const builtWorkflows = workflows.map((spec) => ({
      id: spec.id,
      arnEnv: spec.arnEnv,
      stateMachine: new Workflow(this, `Workflow-${spec.id}`, {
        spec,
        stateMachineName: names.stateMachineName(spec.id),
        repoRoot,
        functions: this.functions,
      }).stateMachine,
    }));

    const api = new Api(this, 'Api', { routes, functions: this.functions });

    const events = new Events(this, 'Events', {
      eventBusName: names.eventBus,
      rules,
      functions: this.functions,
      table: data.table,
      router: this.functions.eventRouter,
      streamFilter,
    });

    const scheduleTargets = Object.fromEntries(
      scheduleTargetIds.map((fnId) => [functionArnEnv[fnId] as string, this.functions[fnId].functionArn]),
    );
    for (const fnId of functionIds) {
      applyNeeds(this.functions[fnId], functions[fnId].needs, {
        table: data,
        mail,
        appUrl: props.appUrl ?? api.url,
        bus: events.bus,
        scheduling,
        workflows: builtWorkflows,
        scheduleTargets,
      });
    }

    new CfnOutput(this, 'ApiUrl', { value: api.url });
    new CfnOutput(this, 'UserPoolId', { value: api.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: api.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
    new CfnOutput(this, 'EventBusName', { value: events.bus.eventBusName });
  }
}
