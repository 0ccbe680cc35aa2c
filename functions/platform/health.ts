import { dynamoPlatform } from '../../shared/platform/aws/platform-store';
import type { View } from '../lib/api';
import { publicRoute } from '../lib/http';
import type * as views from './views';

/** Reads one key to prove the table answers; the item need not exist. */
export const handler = publicRoute(async () => {
  const started = Date.now();
  await dynamoPlatform.probe();
  return {
    body: { status: 'ok', components: { table: { state: 'ok', latencyMs: Date.now() - started } } } satisfies View<typeof views.health>,
  };
});
