import { ConflictException, CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { config } from '../config/env';
import type { Scheduler } from '../ports';

const scheduler = new SchedulerClient({});

/** `at()` takes a UTC wall-clock time without zone or milliseconds. */
const atExpression = (d: Date) => `at(${d.toISOString().slice(0, 19)})`;

export const eventBridgeScheduler: Scheduler = {
  async scheduleOnce(s) {
    try {
      await scheduler.send(
        new CreateScheduleCommand({
          Name: s.name,
          GroupName: config.scheduleGroup(),
          ScheduleExpression: atExpression(s.at),
          ScheduleExpressionTimezone: 'UTC',
          FlexibleTimeWindow: { Mode: 'OFF' },
          ActionAfterCompletion: 'DELETE',
          Target: {
            Arn: s.targetArn,
            RoleArn: config.schedulerRoleArn(),
            Input: JSON.stringify(s.input),
            RetryPolicy: { MaximumRetryAttempts: 3 },
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
