import { Aws, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction, Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';

interface SchedulingProps {
  groupName: string;
  /** The only functions a schedule in this group may invoke. */
  targets: IFunction[];
}

/**
 * One-time schedules are created at run time by functions; the stack owns their group and the
 * role EventBridge Scheduler assumes to invoke the target.
 */
export class Scheduling extends Construct {
  readonly group: CfnScheduleGroup;
  readonly role: Role;
  readonly groupName: string;

  constructor(scope: Construct, id: string, props: SchedulingProps) {
    super(scope, id);
    this.groupName = props.groupName;
    this.group = new CfnScheduleGroup(this, 'Group', { name: props.groupName });

    const stack = Stack.of(this);
    this.role = new Role(this, 'InvokeRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        // Confused-deputy guard: only schedules of this account may assume the role.
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
      description: `Assumed by EventBridge Scheduler to deliver schedules in ${props.groupName}`,
    });
    // Schedules target the unqualified ARN, so no ":*" (version/alias) wildcard is needed.
    this.role.addToPolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: props.targets.map((f) => f.functionArn) }));
  }

  /** Create schedules in this group only, handing them this group's role and no other. */
  grantCreateSchedules(grantee: LambdaFunction): void {
    // Pseudo-parameters (not formatArn) so the ARN, and the acknowledgement naming it, are the same in every environment.
    const schedules = `arn:${Aws.PARTITION}:scheduler:${Aws.REGION}:${Aws.ACCOUNT_ID}:schedule/${this.groupName}/*`;
    grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: ['scheduler:CreateSchedule'], resources: [schedules] }));
    // The finding is reported on the execution role's policy, so that is where it is acknowledged.
    Validations.of(grantee.role ?? grantee).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/${this.groupName}/*]`,
      reason: 'Schedule names are chosen at run time (one per consortium); the wildcard is confined to this schedule group.',
    });
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['iam:PassRole'],
        resources: [this.role.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      }),
    );
  }
}
