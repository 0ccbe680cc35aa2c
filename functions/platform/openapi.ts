import document from '../../shared/platform/openapi.json';
import { publicRoute } from '../lib/http';

/** The API contract, generated at build time (`npm run openapi`) from the catalog and the features' schemas. */
export const handler = publicRoute(async () => ({ body: document }));
