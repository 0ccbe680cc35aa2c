import {
  ExecutionAlreadyExists,
  InvalidToken,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { config } from '../config';
import { conflict } from '../errors';
import { lazy } from '../lazy';
import type { Workflows } from '../ports';

const sfn = lazy(() => new SFNClient({}));

/** A token the engine no longer waits on (answered, timed out) is a conflict for the caller. */
function mapTokenError(error: unknown): never {
  if (error instanceof TaskDoesNotExist || error instanceof TaskTimedOut || error instanceof InvalidToken) {
    throw conflict('the workflow is no longer waiting for this step (it was already answered or has timed out)');
  }
  throw error;
}

/** Step Functions; a workflow's ARN comes from the function's `startWorkflow` need. */
export const workflows: Workflows = {
  async start(workflowId, name, input) {
    try {
      await sfn().send(new StartExecutionCommand({ stateMachineArn: config.workflowArn(workflowId), name, input: JSON.stringify(input) }));
      return { started: true };
    } catch (error) {
      // Deterministic names make a repeated start (retried event, duplicate delivery) harmless.
      if (error instanceof ExecutionAlreadyExists) return { started: false };
      throw error;
    }
  },
  async succeed(taskToken, output) {
    await sfn()
      .send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }))
      .catch(mapTokenError);
  },
  async fail(taskToken, error, cause) {
    await sfn().send(new SendTaskFailureCommand({ taskToken, error, cause })).catch(mapTokenError);
  },
};
