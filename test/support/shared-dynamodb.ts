import { startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { claimPortBlock } from '../../infra/local/port-claims';

/**
 * The engines project's global setup: one DynamoDB Local for the whole run. Each test stack
 * makes a table of its own in it (`startTestStack`), so files stay apart while the JVM starts
 * once and its JIT is warm after the first file: starting one per file cost about 4 s of CPU
 * each, on two cores shared by three workers. Tests of restarts bring their own engine.
 */
export default async function setup() {
  const block = await claimPortBlock(1);
  const engine = await startDynamoDbLocal(block.first, undefined);
  // Forked workers inherit the environment; the test stack reads it (not `inject`, because the
  // same stack also serves `npm run proof` and the bench, outside Vitest).
  process.env.GRANTLOOP_TEST_DYNAMODB = engine.endpoint;
  return async () => {
    await engine.stop();
    block.release();
  };
}
