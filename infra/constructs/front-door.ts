import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { Distribution } from 'aws-cdk-lib/aws-cloudfront';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, type Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { frontDoor } from '../../shared/platform/front-door';

/** The rotation function's bundle, built in the functions' one pass (it is no catalog function). */
export const rotationBundle = { name: 'front-door-rotation', entry: 'functions/platform/rotate-front-door.ts' } as const;

/**
 * The secret CloudFront adds to every request it forwards to the HTTP API, so the API's own
 * `execute-api` address, which answers anyone, is refused by every function
 * (shared/platform/front-door.ts). Chosen over disabling the default endpoint behind a custom
 * domain: that needs a domain and a certificate for each consortium, and a custom domain on the
 * API is itself a public address CloudFront could be walked around by.
 *
 * Secrets Manager rotates it every 30 days with the function here, which moves CloudFront's
 * header to the new value; functions accept the old value until the next rotation.
 */
export class FrontDoorSecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: `grantloop: the ${frontDoor.header} header CloudFront sends to the HTTP API`,
      generateSecretString: {
        secretStringTemplate: JSON.stringify({}),
        generateStringKey: 'current',
        excludePunctuation: true,
        passwordLength: 48,
      },
    });
  }

  /** What CloudFront sends: a dynamic reference CloudFormation resolves at deploy, never the value in the template. */
  get originHeaders(): Record<string, string> {
    return { [frontDoor.header]: this.secret.secretValueFromJson('current').unsafeUnwrap() };
  }

  /** Read access for a function behind the API, and where to find the secret. */
  admit(fn: LambdaFunction): void {
    fn.addEnvironment(frontDoor.secretEnv, this.secret.secretArn);
    fn.addToRolePolicy(new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [this.secret.secretArn] }));
  }

  /** The rotation: every 30 days, the new value set on the distribution's origin header. */
  rotateWith(distribution: Distribution, code: Code): LambdaFunction {
    const role = new Role(this, 'RotationRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    const logGroup = new LogGroup(this, 'RotationLogs', { retention: RetentionDays.ONE_MONTH });
    logGroup.grantWrite(role);
    const fn = new LambdaFunction(this, 'Rotation', {
      description: 'Rotates the front door secret and sets it on CloudFront',
      code,
      handler: 'index.handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 256,
      timeout: Duration.seconds(60),
      role,
      logGroup,
      environment: { DISTRIBUTION_ID: distribution.distributionId },
    });
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: [
          'secretsmanager:GetSecretValue',
          'secretsmanager:DescribeSecret',
          'secretsmanager:PutSecretValue',
          'secretsmanager:UpdateSecretVersionStage',
        ],
        resources: [this.secret.secretArn],
      }),
    );
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['cloudfront:GetDistributionConfig', 'cloudfront:UpdateDistribution'],
        resources: [
          Stack.of(this).formatArn({
            service: 'cloudfront',
            region: '',
            resource: 'distribution',
            resourceName: distribution.distributionId,
          }),
        ],
      }),
    );
    this.secret.addRotationSchedule('Rotation', { rotationLambda: fn, automaticallyAfter: Duration.days(30) });
    Validations.of(fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'nodejs22.x like every grantloop function: bundles target node22 (GrantloopFunction says why).',
    });
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: "CDK's rotation schedule grants secretsmanager:GetRandomPassword, an action that takes no resource.",
    });
    return fn;
  }
}
