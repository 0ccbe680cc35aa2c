/**
 * How each hop retries and where it gives up, declared once: the CDK stack configures AWS with
 * these values and the local runtime behaves by them (docs/ARCHITECTURE.md, "Local ↔ AWS").
 */
export const delivery = {
  /** Lambda's asynchronous invocation (EventBridge rule and Scheduler targets): retries of function errors, then the function's DLQ. */
  asyncInvoke: { retryAttempts: 2, retryDelaysSeconds: [60, 120], maxEventAgeSeconds: 6 * 3600 },
  /** An EventBridge rule's target: retries of failed deliveries to Lambda (not of function errors), then the rule's DLQ. */
  ruleTarget: { retryAttempts: 4, maxEventAgeSeconds: 6 * 3600 },
  /** A one-time schedule's target: retries of failed deliveries to Lambda. */
  schedule: { retryAttempts: 3, maxEventAgeSeconds: 24 * 3600 },
  /** The table stream → event router mapping. */
  stream: { batchSize: 100, retryAttempts: 5, bisectBatchOnError: true },
  /** A function's timeout unless its catalog entry says otherwise. */
  defaultTimeoutSeconds: 15,
} as const;
