import { notFound } from '../platform/errors';
import type { PlatformStore } from '../platform/ports';
import { type Caller, roleIn } from './caller';
import type { Consortium } from './consortium';
import { subject } from './events';
import { CONFIRM } from './invitation-terms';
import type { Organisation } from './organisation';
import type { ConsortiaDeps } from './store';

/**
 * Who may propose a consortium, as `createConsortium` decides it: an admin of the organisation
 * that will lead it (or a platform admin), and only a funder can be a member at all, so only a
 * funder can lead. The pages offer the journey, and its lead, by these same rules.
 */
const mayLead = (caller: Caller, org: Organisation): boolean =>
  org.kind === 'funder' && (caller.user.platformAdmin || roleIn(caller, org.id) === 'admin');

/** Whether the caller may propose a consortium at all: the organisations are their memberships' (already read). */
export const mayProposeConsortium = (caller: Caller, orgs: Map<string, Organisation>): boolean =>
  caller.user.platformAdmin || [...orgs.values()].some((o) => mayLead(caller, o));

/**
 * What a proposal may be made of: every funder (members are chosen from them, by name) and those
 * of them the caller may commit to leading it. Someone who may lead none is told the journey does
 * not exist, as every page does to those it is not for.
 */
export async function proposalChoices(deps: Pick<ConsortiaDeps, 'consortia'>, caller: Caller) {
  const funders = await deps.consortia.listOrganisations('funder');
  const leads = funders.filter((o) => mayLead(caller, o));
  if (!leads.length) throw notFound('page', 'consortia/new');
  return { funders, leads };
}

/**
 * Where a proposed consortium stands, for its page: only its lead answers (members are invited,
 * and have nothing to do), so it waits on the lead's confirmation. The workflow parks that wait
 * once every invitation is sent, with the deadline after which it lapses; until then the emails
 * are still going out. Nothing for a consortium that is not waiting.
 */
export async function proposalState(deps: { platform: Pick<PlatformStore, 'getWaitingTask'> }, c: Consortium) {
  if (c.status !== 'inviting') return undefined;
  const waiting = await deps.platform.getWaitingTask(subject.consortium(c.id), CONFIRM);
  return { invitationsSent: Boolean(waiting), confirmBy: waiting?.deadline };
}
