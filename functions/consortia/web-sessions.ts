import type { Caller } from '../../shared/consortia/caller';
import { resolveCaller } from '../../shared/consortia/caller';
import { dynamoConsortia } from '../../shared/consortia/dynamodb-store';
import { clock } from '../../shared/platform/clock';
import { dynamoSessions } from '../../shared/platform/sessions/dynamodb-store';
import { type PageRequest, type PageResult, pageRoute } from '../lib/web/page-route';

/** What sign-in, sign-out and every staff page compose from. */
export const sessionsTable = { sessions: dynamoSessions, consortia: dynamoConsortia, clock };

/** Staff pages of every feature: the session's user, with roles read from the table on every request. */
export type Page = (req: PageRequest<Caller>) => Promise<PageResult>;

export const staffPage = pageRoute({ ...sessionsTable, resolve: (email) => resolveCaller(sessionsTable, email) });
