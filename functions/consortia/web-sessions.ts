import type { Caller } from '../../shared/consortia/caller';
import { resolveCaller } from '../../shared/consortia/caller';
import { dynamoConsortia } from '../../shared/consortia/dynamodb-store';
import { isCouncil } from '../../shared/consortia/organisation';
import { clock } from '../../shared/platform/clock';
import { dynamoSessions } from '../../shared/platform/sessions/dynamodb-store';
import { type PageRequest, type PageResult, pageRoute } from '../lib/web/page-route';

/** What sign-in, sign-out and every staff page compose from. */
export const sessionsTable = { sessions: dynamoSessions, consortia: dynamoConsortia, clock };

/** Staff pages of every feature: the session's user, with roles read from the table on every request. */
export type Page = (req: PageRequest<Caller>) => Promise<PageResult>;

/** The councils a person works for: the navigation's "Contracts" opens the first one's list (one batch read). */
async function councilsOf(caller: Caller) {
  const orgs = await dynamoConsortia.getOrganisations(caller.memberships.map((m) => m.orgId));
  return [...orgs.values()].filter(isCouncil).map((o) => ({ id: o.id, name: o.name }));
}

export const staffPage = pageRoute({ ...sessionsTable, resolve: (email) => resolveCaller(sessionsTable, email), councilsOf });
