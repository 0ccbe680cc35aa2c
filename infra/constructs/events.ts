import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { FilterCriteria, type IFunction, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { RuleSpec } from '../../shared/platform/catalog';
import { delivery } from '../../shared/platform/delivery';
import { EVENT_SOURCE } from '../../shared/platform/events';

interface EventsProps {
  eventBusName: string;
  table: ITable;
  /** Receives the table stream (the outbox relay). */
  router: IFunction;
  streamFilter: Record<string, unknown>;
}

/**
 * Domain events travel table → stream → router → bus → rules → handlers. Every hop that can
 * drop an event has somewhere to put it. The bus is the stack's; each feature's rules are added
 * in its own nested stack, next to the functions they target.
 */
export class Events extends Construct {
  readonly bus: EventBus;

  constructor(scope: Construct, id: string, props: EventsProps) {
    super(scope, id);

    this.bus = new EventBus(this, 'Bus', { eventBusName: props.eventBusName });

    // The router's stream mapping lives where the router is (the platform's nested stack).
    const failedBatches = deadLetterQueue(Stack.of(props.router), 'FailedStreamBatches', 'stream records the router gave up on');
    props.router.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: delivery.stream.batchSize,
        bisectBatchOnError: delivery.stream.bisectBatchOnError,
        retryAttempts: delivery.stream.retryAttempts,
        onFailure: new SqsDlq(failedBatches),
        filters: [FilterCriteria.filter(props.streamFilter)],
      }),
    );
    // The finding is reported on the execution role's policy, so that is where it is acknowledged.
    Validations.of(props.router.role ?? props.router).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Reading the table stream needs dynamodb:ListStreams, which has no resource-level permissions (the stream actions themselves are scoped to the stream ARN).',
    });
  }

  /** A feature's rules, in its scope, with a dead-letter queue of its own for what EventBridge cannot deliver. */
  addRules(scope: Construct, rules: readonly RuleSpec[], functions: Record<string, IFunction>): void {
    if (!rules.length) return;
    const undelivered = deadLetterQueue(
      scope,
      `UndeliveredEvents-${scope.node.id}`,
      'events EventBridge could not deliver to a rule target',
    );
    for (const rule of rules) {
      new Rule(scope, rule.id, {
        eventBus: this.bus,
        // EventBridge keeps 512 characters of a rule's description: a rule of many types says how many.
        description: `${ruleTypesInWords(rule.detailTypes)} → ${rule.fn}`,
        eventPattern: { source: [EVENT_SOURCE], detailType: [...rule.detailTypes] },
        targets: [
          new LambdaFunction(functions[rule.fn] as IFunction, {
            deadLetterQueue: undelivered,
            retryAttempts: delivery.ruleTarget.retryAttempts,
            maxEventAge: Duration.seconds(delivery.ruleTarget.maxEventAgeSeconds),
          }),
        ],
      });
    }
  }
}

function deadLetterQueue(scope: Construct, id: string, what: string): Queue {
  const queue = new Queue(scope, id, { enforceSSL: true, retentionPeriod: Duration.days(14) });
  Validations.of(queue).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason: `This queue is itself a dead-letter queue (${what}); nothing consumes it automatically.`,
  });
  return queue;
}

/** A rule's event types for its description: listed when they fit, else counted with the first few. */
function ruleTypesInWords(types: readonly string[]): string {
  const listed = types.join(', ');
  return listed.length <= 400 ? listed : `${types.length} event types (${types.slice(0, 3).join(', ')}, …)`;
}
