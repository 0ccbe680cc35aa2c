import { DomainError, notFound } from '../platform/errors';
import { newId } from '../platform/ids';
import { loadConsortium, loadWithOrgs, requireReader } from './access';
import { type Caller, requireOrgRole, roleIn } from './caller';
import { type NewConsortium, prepareConsortium } from './consortium';
import { makeEvent, subject } from './events';
import { CONFIRM } from './invitation-terms';
import type { ConsortiaDeps } from './store';

export async function createConsortium(deps: Pick<ConsortiaDeps, 'consortia' | 'clock'>, caller: Caller, input: NewConsortium) {
  const lead = input.members.find((m) => m.role === 'lead');
  // Only an admin of the lead organisation may commit it to leading a consortium.
  if (lead) requireOrgRole(caller, lead.orgId, 'admin');
  const orgs = await deps.consortia.getOrganisations(input.members.map((m) => m.orgId));
  const now = deps.clock.now();
  const consortium = prepareConsortium(input, orgs, { id: newId(now), createdBy: caller.user.id }, now);
  await deps.consortia.createConsortium(
    consortium,
    makeEvent(
      'consortium.created',
      subject.consortium(consortium.id),
      caller.user.id,
      { consortiumId: consortium.id, leadOrgId: consortium.leadOrgId },
      now,
    ),
  );
  return consortium;
}

export async function getConsortium(deps: Pick<ConsortiaDeps, 'consortia' | 'platform'>, caller: Caller, consortiumId: string) {
  const { consortium, orgs } = await loadWithOrgs(deps, consortiumId);
  const visible = caller.user.platformAdmin || consortium.members.some((m) => roleIn(caller, m.orgId));
  // Not-found rather than forbidden, so outsiders cannot probe which consortia exist.
  if (!visible) throw notFound('consortium', consortiumId);
  const waiting = await deps.platform.getWaitingTask(subject.consortium(consortiumId), CONFIRM);
  return {
    ...consortium,
    members: consortium.members.map((m) => ({ ...m, name: orgs.get(m.orgId)?.name, funderType: orgs.get(m.orgId)?.funderType })),
    awaitingConfirmationUntil: consortium.status === 'inviting' ? waiting?.deadline : undefined,
  };
}

/** The lead's admin confirms; the stored task token resumes the workflow. */
export async function confirmConsortium(
  deps: Pick<ConsortiaDeps, 'consortia' | 'platform' | 'workflows' | 'clock'>,
  caller: Caller,
  consortiumId: string,
) {
  const consortium = await loadConsortium(deps, consortiumId);
  requireReader(caller, consortium, 'consortium', consortiumId);
  requireOrgRole(caller, consortium.leadOrgId, 'admin');
  if (consortium.status !== 'inviting') {
    throw new DomainError('conflict', `consortium ${consortiumId} is already ${consortium.status}`);
  }
  const task = await deps.platform.takeWaitingTask(subject.consortium(consortiumId), CONFIRM);
  if (!task) {
    throw new DomainError(
      'conflict',
      `consortium ${consortiumId} is not waiting for confirmation yet (invitations are still being sent); try again in a moment`,
    );
  }
  await deps.workflows.succeed(task.taskToken, { confirmedBy: caller.user.id, confirmedAt: deps.clock.now().toISOString() });
  return { consortiumId, confirmed: true };
}
