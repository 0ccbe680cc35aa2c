import { ConflictException, CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { config } from '../config';
import { delivery } from '../delivery';
import { lazy } from '../lazy';
import type { Scheduler } from '../ports';

const client = lazy(() => new SchedulerClient({}));

/** `at()` takes a UTC wall-clock time without zone or milliseconds. */
const atExpression = (d: Date) => `at(${d.toISOString().slice(0, 19)})`;

/** EventBridge Scheduler one-time schedules; the target's ARN comes from the function's `schedules` need. */
export const scheduler: Scheduler = {
  async scheduleOnce(s) {
    try {
      await client().send(
        new CreateScheduleCommand({
          Name: s.name,
          GroupName: config.scheduleGroup(),
          ScheduleExpression: atExpression(s.at),
          ScheduleExpressionTimezone: 'UTC',
          FlexibleTimeWindow: { Mode: 'OFF' },
          ActionAfterCompletion: 'DELETE',
          Target: {
            Arn: config.functionArn(s.target),
            RoleArn: config.schedulerRoleArn(),
            Input: JSON.stringify(s.input),
            RetryPolicy: { MaximumRetryAttempts: delivery.schedule.retryAttempts },
          },
        }),
      );
      return { created: true };
    } catch (error) {
      if (error instanceof ConflictException) return { created: false };
      throw error;
    }
  },
};
