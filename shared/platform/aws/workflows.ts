import { config } from '../config';
import { conflict } from '../errors';
import type { Workflows } from '../ports';
import { jsonRpc } from './json-calls';
import { isAwsError } from './lite';

const sfn = jsonRpc('states', 'SFN', 'AWSStepFunctions', '1.0');

/** A token the engine no longer waits on (answered, timed out) is a conflict for the caller. */
function mapTokenError(error: unknown): never {
  if (isAwsError(error, 'TaskDoesNotExist', 'TaskTimedOut', 'InvalidToken')) {
    throw conflict('the workflow is no longer waiting for this step (it was already answered or has timed out)');
  }
  throw error;
}

/** Step Functions; a workflow's ARN comes from the function's `startWorkflow` need. */
export const workflows: Workflows = {
  async start(workflowId, name, input) {
    try {
      await sfn('StartExecution', { stateMachineArn: config.workflowArn(workflowId), name, input: JSON.stringify(input) });
      return { started: true };
    } catch (error) {
      // Deterministic names make a repeated start (retried event, duplicate delivery) harmless.
      if (isAwsError(error, 'ExecutionAlreadyExists')) return { started: false };
      throw error;
    }
  },
  async succeed(taskToken, output) {
    await sfn('SendTaskSuccess', { taskToken, output: JSON.stringify(output) }).catch(mapTokenError);
  },
  async fail(taskToken, error, cause) {
    await sfn('SendTaskFailure', { taskToken, error, cause }).catch(mapTokenError);
  },
};
