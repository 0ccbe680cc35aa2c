import { randomUUID } from 'node:crypto';
import { config } from '../config';
import { delivery } from '../delivery';
import type { Scheduler } from '../ports';
import { restJson } from './json-calls';
import { isAwsError } from './lite';

const schedulerApi = restJson('scheduler', 'SCHEDULER');

/** `at()` takes a UTC wall-clock time without zone or milliseconds. */
const atExpression = (d: Date) => `at(${d.toISOString().slice(0, 19)})`;

/** EventBridge Scheduler one-time schedules (CreateSchedule, `POST /schedules/{Name}`); the target's ARN comes from the function's `schedules` need. */
export const scheduler: Scheduler = {
  async scheduleOnce(s) {
    try {
      await schedulerApi(`/schedules/${encodeURIComponent(s.name)}`, {
        // The SDK filled this idempotency token itself; every retry of the call sends the same body.
        ClientToken: randomUUID(),
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
      });
      return { created: true };
    } catch (error) {
      if (isAwsError(error, 'ConflictException')) return { created: false };
      throw error;
    }
  },
};
