import { resolveCaller } from '../../shared/consortia/caller';
import { dynamoConsortia } from '../../shared/consortia/dynamodb-store';
import { authenticatedRoute } from '../lib/http';

/** Staff routes of every feature: the caller and their roles are read from the table on every call. */
export const staffRoute = authenticatedRoute((email) => resolveCaller({ consortia: dynamoConsortia }, email));
