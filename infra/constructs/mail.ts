import { Stack } from 'aws-cdk-lib';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { ConfigurationSet, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

interface MailProps {
  senderEmail: string;
}

/**
 * Outbound mail through SES v2. The sending identity (address or domain) is verified outside
 * the stack, because verification needs DNS or a click in a mailbox.
 */
export class Mail extends Construct {
  readonly configurationSet: ConfigurationSet;
  readonly senderEmail: string;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(props.senderEmail)) {
      throw new Error(`senderEmail "${props.senderEmail}" is not an email address`);
    }
    this.senderEmail = props.senderEmail;
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
  }

  get senderDomain(): string {
    return this.senderEmail.slice(this.senderEmail.indexOf('@') + 1);
  }

  /**
   * SES authorises SendEmail against the identity it sends as (the address if that is verified,
   * else its domain) and against the configuration set, so all three are named and nothing else.
   */
  grantSend(grantee: IGrantable): void {
    const stack = Stack.of(this);
    const arn = (resource: string, resourceName: string) => stack.formatArn({ service: 'ses', resource, resourceName });
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          arn('identity', this.senderEmail),
          arn('identity', this.senderDomain),
          arn('configuration-set', this.configurationSet.configurationSetName),
        ],
      }),
    );
  }
}
