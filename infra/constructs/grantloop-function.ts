import { Duration, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FunctionSpec } from '../../shared/platform/catalog';
import { delivery } from '../../shared/platform/delivery';
import type { OnePassBundles } from '../bundling/one-pass';

interface GrantloopFunctionProps {
  spec: FunctionSpec;
  functionName: string;
  /** The stack's functions, bundled together; this one's code is taken from it by function name. */
  bundles: OnePassBundles;
  logLevel?: string;
  /**
   * Its feature's log group, shared by the feature's functions (each line names its function):
   * a group per function would cost a CloudFormation resource each, against the stack's 500.
   */
  logGroup: LogGroup;
}

/**
 * The one place that decides how a handler becomes a Lambda, so every function gets the same
 * runtime, bundling, logging and tracing, and differs only by what its catalog entry says.
 */
export class GrantloopFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly logGroup: LogGroup;
  readonly deadLetterQueue?: Queue;

  constructor(scope: Construct, id: string, props: GrantloopFunctionProps) {
    super(scope, id);
    const { spec } = props;

    this.logGroup = props.logGroup;

    // An explicit role instead of AWSLambdaBasicExecutionRole: logs may only go to its feature's group.
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.functionName}`,
    });
    this.logGroup.grantWrite(role);

    if (spec.async) {
      this.deadLetterQueue = new Queue(this, 'DeadLetters', {
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
      });
      Validations.of(this.deadLetterQueue).acknowledge({
        id: 'AwsSolutions-SQS3',
        reason: 'This queue is itself the dead-letter queue of the function; a DLQ of a DLQ would only move the problem.',
      });
    }

    this.fn = new NodejsFunction(this, 'Function', {
      functionName: props.functionName,
      description: spec.description,
      // Built with every other function in one esbuild pass, with NodejsFunction's own options (infra/bundling/one-pass.ts).
      code: props.bundles.code(props.functionName),
      handler: 'index.handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.seconds(spec.timeoutSeconds ?? delivery.defaultTimeoutSeconds),
      role,
      logGroup: this.logGroup,
      tracing: Tracing.ACTIVE,
      // No NODE_OPTIONS=--enable-source-maps (issue 27): with it Node reads and parses the map at
      // every cold start, which made importing a bundle take 1.78× as long, and Lambda bills INIT.
      // The map stays beside the bundle; `npm run -s stack-trace` decodes a logged stack with it.
      environment: {
        LOG_LEVEL: props.logLevel ?? 'INFO',
      },
      ...(spec.async
        ? {
            deadLetterQueue: this.deadLetterQueue,
            retryAttempts: delivery.asyncInvoke.retryAttempts,
            maxEventAge: Duration.seconds(delivery.asyncInvoke.maxEventAgeSeconds),
          }
        : {}),
    });

    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'Active tracing adds xray:PutTraceSegments and xray:PutTelemetryRecords, which have no resource-level permissions.',
      },
      {
        id: 'AwsSolutions-L1',
        reason:
          'nodejs22.x is deliberate: bundles target node22 and the pinned middleware/SDK versions are tested on it (supported until 2027-04-30).',
      },
    );
  }
}
