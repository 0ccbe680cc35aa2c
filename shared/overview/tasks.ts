import type { Caller } from '../consortia/caller';
import type { Consortium, ConsortiumRole } from '../consortia/consortium';
import { type MemberRole, roleAtLeast } from '../consortia/organisation';
import { londonDate } from '../platform/london-time';

/** Every kind of work "what needs me" lists, in the order the page shows them. */
const taskKinds = [
  'confirm-consortium',
  'sign-off-tender',
  'award-vote',
  'vote',
  'review-report',
  'decide-condition',
  'answer-question',
  'score-bids',
  'resolve-challenge',
  'decide-milestone',
  'milestone-overdue',
  'rate-kpi',
  'overdue-report',
] as const;
export type TaskKind = (typeof taskKinds)[number];

/** One thing waiting on the signed-in person: what, for whom, by when, and the page where it is done. */
export interface Task {
  kind: TaskKind;
  /** What, as the link's text. */
  label: string;
  /** For whom: the organisation the person acts for and where ("Wyvernshire County Council in Wyvernshire Fund"). */
  forWhom: string;
  detail: string;
  href: string;
  /**
   * By when: a day in England's calendar (YYYY-MM-DD) and what it is ("Sign off by", "Was due").
   * Where nothing sets a deadline (a condition's evidence), the day the wait began.
   */
  when?: { label: string; date: string } | undefined;
}

/** Organisation names by id: the caller's own and those the tasks name (providers). */
export type Names = ReadonlyMap<string, string>;

/**
 * The member organisation through which the caller acts in a consortium: one holding one of
 * `roles` where the caller is at least `memberRole` (as `actingOrg` requires of the use case
 * that does the work), or undefined.
 */
export function actingMember(caller: Caller, c: Consortium, roles: ConsortiumRole[], memberRole: MemberRole = 'officer') {
  return c.members.find(
    (m) => roles.includes(m.role) && caller.memberships.some((x) => x.orgId === m.orgId && roleAtLeast(x.role, memberRole)),
  )?.orgId;
}

/** "Wyvernshire County Council in Wyvernshire Fund". */
export const inConsortium = (names: Names, orgId: string | undefined, c: Pick<Consortium, 'name'>) =>
  `${(orgId && names.get(orgId)) || 'your organisation'} in ${c.name}`;

/** The London day an instant falls on. */
export const dayOf = (instant: string) => londonDate(new Date(instant));

/** A day `days` after an instant, in London. */
export const daysAfter = (instant: string, days: number) => dayOf(new Date(Date.parse(instant) + days * 86_400_000).toISOString());

/** Oldest first; work with no date last. */
export const byWhen = (a: Task, b: Task) => (a.when?.date ?? '9999').localeCompare(b.when?.date ?? '9999');
