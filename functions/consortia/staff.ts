import { resolveCaller } from '../../shared/consortia/caller';
import { dynamoConsortia } from '../../shared/consortia/dynamodb-store';
import { authenticatedRoute } from '../lib/http';
import { commandRoute, viewOrCsvRoute } from '../lib/use-case-route';

/** Staff routes of every feature: the caller and their roles are read from the table on every call. */
export const staffRoute = authenticatedRoute((email) => resolveCaller({ consortia: dynamoConsortia }, email));

// Pure: a bundle keeps only the kind of route its handler is (esbuild drops the other).
/** A staff command: path and body parsed, one use case called with the caller (`commandRoute`). */
export const staffCommand = /* @__PURE__ */ commandRoute(staffRoute);
/** A staff report, JSON or CSV (`viewOrCsvRoute`). */
export const staffViewOrCsv = /* @__PURE__ */ viewOrCsvRoute(staffRoute);
