import type { Caller } from '../consortia/caller';
import { requireOrgRole } from '../consortia/caller';
import type { Organisation } from '../consortia/organisation';
import { conflict, DomainError, notFound } from '../platform/errors';
import { linkUrl } from '../platform/links/registry';
import { newLinkToken } from '../platform/links/token';
import { londonDate } from '../platform/london-time';
import { sendOnce } from '../platform/send-once';
import { type Contract, isClosed, type Milestone } from './contract';
import { loadCouncil, readableContract } from './contracts';
import { makeEvent, subject } from './events';
import { keys } from './keys';
import { evidenceLinkExpiry, MILESTONE_LINK, supplierAlert } from './mail';
import type { MilestoneScope } from './milestone-link';
import type { ContractsDeps } from './store';

type LinkDeps = Pick<ContractsDeps, 'platform' | 'clock'>;

/**
 * A new evidence link for a milestone. Its pointer names the milestone's one live link, so the
 * link emailed before (by an alert or an earlier request) is revoked in the same write and
 * answers 410 from then on: only the newest email works.
 */
export async function issueMilestoneLink(
  deps: LinkDeps,
  c: Contract,
  m: Milestone,
  actor: string,
  reason: 'alert' | 'requested',
): Promise<{ url: string; expiresAt: string }> {
  const pointer = keys.milestoneLink(c.id, m.id);
  for (let attempt = 0; ; attempt++) {
    const previous = await deps.platform.getCurrentLink(pointer);
    const now = deps.clock.now();
    const { token, hash } = newLinkToken();
    const expiresAt = evidenceLinkExpiry(m, now);
    const scope: MilestoneScope = { kind: 'milestone', contractId: c.id, milestoneId: m.id };
    const data = { contractId: c.id, milestoneId: m.id, reason, replaced: Boolean(previous), expiresAt };
    try {
      await deps.platform.rotateLink(
        pointer,
        { hash, scope, status: 'active', expiresAt, createdAt: now.toISOString() },
        previous?.hash,
        makeEvent('milestone.link-issued', subject.contract(c.id), actor, data, now),
      );
      return { url: linkUrl(MILESTONE_LINK.path, token), expiresAt };
    } catch (error) {
      // Another link was issued at the same moment: this one replaces that one instead.
      const raced = error instanceof DomainError && error.details.rule === 'link-rotated';
      if (!raced || attempt >= 3) throw error;
    }
  }
}

/** Why evidence cannot be asked for now, in the officer's words; undefined when it can. */
function cannotRequest(c: Contract, m: Milestone | undefined, milestoneId: string): DomainError | undefined {
  if (!m) return notFound('milestone', milestoneId);
  if (isClosed(c)) return conflict(`contract "${c.title}" is ${c.status}; evidence can no longer be asked for`, { rule: 'contract-open' });
  if (m.status !== 'scheduled')
    return conflict(`milestone ${m.id} has been decided; evidence can only be asked for before a decision`, { rule: 'milestone-open' });
  return undefined;
}

/**
 * "Request evidence now": a council officer asks for the supplier's evidence at once, whatever
 * the alert times, as long as the milestone is not decided. The event is the request; the
 * function following it (evidence-requested.ts) issues the link and emails it, so the pages
 * that call this carry no mail client.
 */
export async function requestEvidence(
  deps: Pick<ContractsDeps, 'platform' | 'consortia' | 'contracts' | 'clock'>,
  caller: Caller,
  contractId: string,
  milestoneId: string,
) {
  const contract = await readableContract(deps, caller, contractId);
  requireOrgRole(caller, contract.councilOrgId, 'officer');
  const m = contract.milestones.find((x) => x.id === milestoneId);
  const refused = cannotRequest(contract, m, milestoneId);
  if (refused || !m) throw refused;
  const now = deps.clock.now();
  const data = { contractId, milestoneId, by: caller.user.id };
  await deps.platform.appendEvent(makeEvent('milestone.evidence-requested', subject.contract(contractId), caller.user.id, data, now));
  return { contractId, milestoneId, sentTo: contract.supplier.email };
}

/**
 * milestone.evidence-requested → the supplier gets a new evidence link (the one before is
 * revoked), once per request however often the event is delivered; nothing if the milestone
 * was decided or the contract closed in between.
 */
export async function sendRequestedEvidenceLink(
  deps: Pick<ContractsDeps, 'platform' | 'consortia' | 'contracts' | 'mailer' | 'clock'>,
  input: { contractId: string; milestoneId: string; requestId: string; by: string },
) {
  const contract = await deps.contracts.getContract(input.contractId);
  const m = contract?.milestones.find((x) => x.id === input.milestoneId);
  if (!contract || !m || cannotRequest(contract, m, input.milestoneId)) return { sent: false };
  const council: Organisation = await loadCouncil(deps, contract.councilOrgId);
  const email = async () => {
    const link = await issueMilestoneLink(deps, contract, m, input.by, 'requested');
    return supplierAlert(contract, m, council, { ...link, today: londonDate(deps.clock.now()), requested: true });
  };
  return { sent: await sendOnce(deps, `evidence-request#${input.requestId}`, email) };
}
