import type { Caller } from '../consortia/caller';
import type { Consortium } from '../consortia/consortium';
import { roleAtLeast } from '../consortia/organisation';
import { forbidden } from '../platform/errors';
import type { Tender } from './tender';

/**
 * The one rule for who may read a tender's evaluation (scores, reasons, rankings, bid prices):
 * the members of its evaluation panel and the officers of the lead organisation, which runs the
 * procurement. Nobody else in the consortium (a member's admin, a viewer), and not the platform
 * admin, who is on no panel and in no member organisation. Every route, page and email that
 * shows evaluation asks this.
 */
export function mayReadEvaluation(caller: Caller, tender: Pick<Tender, 'panel'>, consortium: Pick<Consortium, 'leadOrgId'>): boolean {
  if (tender.panel.includes(caller.user.id)) return true;
  return caller.memberships.some((m) => m.orgId === consortium.leadOrgId && roleAtLeast(m.role, 'officer'));
}

export function requireEvaluationReader(caller: Caller, tender: Pick<Tender, 'panel'>, consortium: Pick<Consortium, 'leadOrgId'>): void {
  if (!mayReadEvaluation(caller, tender, consortium))
    throw forbidden("only the evaluation panel and the lead organisation's officers see a tender's evaluation");
}

/** Only members of the evaluation panel score bids or declare conflicts in them (not the platform admin). */
export function requirePanel(caller: Caller, tender: Pick<Tender, 'panel'>): void {
  if (!tender.panel.includes(caller.user.id)) throw forbidden('only members of the evaluation panel score bids');
}
