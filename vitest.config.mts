import { defineConfig } from 'vitest/config';

/**
 * Layers. `fast`: domain rules, use cases on the in-memory adapters, the local runtime's parts:
 * no Java, no browser, seconds (`npm run test:fast`). `engines`: the same system on real engines
 * (DynamoDB Local, the SES emulator, the Step Functions interpreter, Chromium). `synth`: the CDK
 * stack, synthesized once with real bundling for all its test files. `npm test` runs them all.
 */
const engines = ['test/**/*.engines.test.ts', 'test/**/*.browser.test.ts'];
const synth = ['test/**/*.synth.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration tests start Java and Node child processes and spend part of each file waiting on
    // them: three files at once keep two cores busier (the whole suite measured 848 s with three on
    // an idle machine; four got through fewer files in the same nine minutes).
    maxWorkers: 3,
    reporters: ['default'],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', LOG_LEVEL: 'CRITICAL' },
    projects: [
      { extends: true, test: { name: 'fast', include: ['test/**/*.test.ts'], exclude: [...engines, ...synth] } },
      // One DynamoDB Local for the run, a table per stack; every answer the local runtime gives in
      // these files is checked against the API contract.
      {
        extends: true,
        test: {
          name: 'engines',
          include: engines,
          globalSetup: ['test/support/shared-dynamodb.ts'],
          setupFiles: ['test/support/contract-replay.ts'],
        },
      },
      // One synth takes about half a minute on two cores (more when the machine is busy).
      { extends: true, test: { name: 'synth', include: synth, globalSetup: ['test/support/synth-once.ts'], hookTimeout: 600_000 } },
    ],
  },
});
