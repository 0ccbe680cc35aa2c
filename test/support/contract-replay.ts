/**
 * Set up for every engines test file: the local runtime checks each answer it gives against the
 * API contract (`infra/local/contract-check.ts`), and the file fails if any did not fit, so the
 * suite's own traffic is the proof that `GET /openapi.json` states what is served.
 */
import { afterAll } from 'vitest';
import { takeContractMismatches } from '../../infra/local/contract-check';

// Read when the runtime's HTTP module loads, which the test file imports after this.
process.env.GRANTLOOP_CONTRACT_CHECK ??= '1';

afterAll(async () => {
  // An answer is checked once it is sent; let the last ones be recorded.
  await new Promise((r) => setTimeout(r, 10));
  const seen = [...new Set(takeContractMismatches())];
  if (seen.length) throw new Error(`answers the API contract does not allow (${seen.length}):\n${seen.join('\n')}`);
});
