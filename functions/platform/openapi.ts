import document from '../../shared/platform/openapi.json';
import type { View } from '../lib/api';
import { publicRoute } from '../lib/http';
import type * as views from './views';

/** The API contract, generated at build time (`npm run openapi`) from the catalog and the features' schemas. */
export const handler = publicRoute(async () => ({ body: document satisfies View<typeof views.openApiDocument> }));
