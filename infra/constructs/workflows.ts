import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { WorkflowSpec } from '../../shared/platform/catalog';

interface WorkflowProps {
  spec: WorkflowSpec;
  stateMachineName: string;
  repoRoot: string;
  functions: Record<string, IFunction>;
}

/**
 * A state machine from an ASL file kept as plain JSON, so the local engine runs the very same
 * definition; the only difference between targets is what `${...}` resolves to.
 */
export class Workflow extends Construct {
  constructor(scope: Construct, id: string, props: WorkflowProps) {
    super(scope, id);
    const { spec } = props;
    const targets = Object.entries(spec.substitutions).map(([name, fnId]) => [name, props.functions[fnId] as IFunction] as const);

    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH });
    const stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineName: props.stateMachineName,
      stateMachineType: StateMachineType.STANDARD,
      // Inline (not fromFile) keeps the definition in the template, where tests and cfn-lint can read it.
      definitionBody: DefinitionBody.fromString(readFileSync(join(props.repoRoot, spec.file), 'utf8')),
      definitionSubstitutions: Object.fromEntries(targets.map(([name, fn]) => [name, fn.functionArn])),
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: true },
      tracingEnabled: true,
    });
    // The ASL invokes unqualified ARNs, so the version/alias wildcard CDK's grantInvoke adds is not needed.
    stateMachine.addToRolePolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [...new Set(targets.map(([, fn]) => fn.functionArn))] }),
    );

    Validations.of(stateMachine).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Execution logging needs the logs:*LogDelivery/Describe* actions and tracing needs xray:PutTraceSegments/PutTelemetryRecords/GetSampling*; none supports resource-level permissions.',
    });
  }
}
