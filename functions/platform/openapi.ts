import { openApiJson } from '../../shared/platform/openapi-served';
import { publicRoute } from '../lib/http';

/**
 * The API contract, generated at build time (`npm run openapi`) from the catalog and the
 * features' schemas, sent as the string it was generated as (see infra/openapi.ts for why).
 */
export const handler = publicRoute(async () => ({ body: openApiJson, contentType: 'application/json; charset=utf-8' }));
