import { loadConsortium, mayAct } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import type { PlatformStore } from '../platform/ports';
import { eventInWords } from './audit-trail';
import { subject } from './events';
import { type GrantReads, grantDetail } from './plan';

/** The grant as its page shows it: the detail the API gives, its audit trail, and whether this caller decides conditions. */
export async function grantPageView(deps: GrantReads & { platform: PlatformStore }, caller: Caller, grantId: string) {
  const detail = await grantDetail(deps, caller, grantId);
  const [consortium, events] = await Promise.all([
    loadConsortium(deps, detail.consortiumId),
    deps.platform.listEvents(subject.grant(grantId)),
  ]);
  // Each as its use case checks: officers decide conditions and move money; admins set plans and amend.
  const canDecide = mayAct(caller, consortium, ['lead'], 'officer');
  const canAmend = mayAct(caller, consortium, ['lead'], 'admin');
  // People by name; the system and emailed links as what they are.
  const ids = [...new Set(events.map((e) => e.actor).filter((a) => /^[0-9A-Z]{26}$/.test(a)))];
  const users = new Map(
    (await Promise.all(ids.map((id) => deps.consortia.getUser(id)))).flatMap((u) => (u ? [[u.id, u.name] as const] : [])),
  );
  const by = (actor: string) =>
    users.get(actor) ??
    (actor.startsWith('link:')
      ? 'the provider, by emailed link'
      : actor === 'workflow'
        ? 'grantloop'
        : ids.includes(actor)
          ? 'a person no longer on grantloop'
          : actor);
  const names = (actor: string) => ({
    by: by(actor),
    recipient: detail.recipient.name ?? 'the recipient',
    condition: (id: string) => detail.conditions.find((c) => c.id === id)?.description,
  });
  return {
    ...detail,
    consortium: { id: consortium.id, name: consortium.name },
    events: events.reverse().map((e) => ({ ...e, by: by(e.actor), what: eventInWords(e, names(e.actor)) })),
    canDecide,
    canMoveMoney: canDecide,
    canAmend,
    canSetPlan: canAmend && detail.tranches.length === 0,
  };
}
