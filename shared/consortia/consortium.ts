import { conflict, DomainError, invalid } from '../platform/errors';
import type { Organisation } from './organisation';

export const consortiumRoles = ['lead', 'member', 'observer'] as const;
export type ConsortiumRole = (typeof consortiumRoles)[number];

/** inviting → active when the lead confirms; → lapsed when the confirmation window closes. */
type ConsortiumStatus = 'inviting' | 'active' | 'lapsed';

export interface ConsortiumMember {
  orgId: string;
  role: ConsortiumRole;
}

export interface Consortium {
  id: string;
  name: string;
  place: string;
  leadOrgId: string;
  status: ConsortiumStatus;
  members: ConsortiumMember[];
  /** Share of pooled contributions whose holders must approve an allocation round (whole percent). */
  quorumPercent: number;
  /**
   * How much reporting the consortium's grants carry. The grants feature sets and reads it
   * (`ReportingPolicy`); it is kept on the consortium so one version guards both.
   */
  reportingPolicy?: unknown;
  createdAt: string;
  createdBy: string;
  version: number;
  activatedAt?: string;
}

export interface NewConsortium {
  name: string;
  place: string;
  members: ConsortiumMember[];
  quorumPercent?: number | undefined;
}

export const DEFAULT_QUORUM_PERCENT = 50;

/**
 * A consortium is a set of funders with exactly one lead. Providers and councils acting as
 * contract managers are not funders of the pool, so they cannot be members.
 */
export function prepareConsortium(
  input: NewConsortium,
  orgs: Map<string, Organisation>,
  ids: { id: string; createdBy: string },
  now: Date,
): Consortium {
  const seen = new Set<string>();
  input.members.forEach((m, i) => {
    if (seen.has(m.orgId)) {
      // Named, where the organisation is known: the page shows this to a person, who chose it by name.
      const named = orgs.get(m.orgId)?.name ?? `organisation ${m.orgId}`;
      throw invalid(`members[${i}].orgId`, 'unique-member', `${named} is listed more than once`);
    }
    seen.add(m.orgId);
    const org = orgs.get(m.orgId);
    if (!org)
      throw new DomainError('not-found', `members[${i}].orgId: organisation ${m.orgId} does not exist`, [
        { field: `members[${i}].orgId`, rule: 'organisation-exists', message: `organisation ${m.orgId} does not exist` },
      ]);
    if (org.kind !== 'funder') {
      throw invalid(`members[${i}].orgId`, 'member-is-funder', `${org.name} is a ${org.kind}; only funders can be consortium members`);
    }
  });
  const leads = input.members.filter((m) => m.role === 'lead');
  if (leads.length !== 1) {
    throw invalid('members', 'exactly-one-lead', `a consortium needs exactly one member with role "lead"; got ${leads.length}`);
  }
  return {
    id: ids.id,
    name: input.name.trim(),
    place: input.place.trim(),
    leadOrgId: (leads[0] as ConsortiumMember).orgId,
    status: 'inviting',
    members: input.members,
    quorumPercent: input.quorumPercent ?? DEFAULT_QUORUM_PERCENT,
    createdAt: now.toISOString(),
    createdBy: ids.createdBy,
    version: 1,
  };
}

export function activate(c: Consortium, now: Date): Consortium {
  if (c.status === 'active') return c;
  if (c.status !== 'inviting') throw conflict(`consortium ${c.id} is ${c.status}; only an inviting consortium can be activated`);
  return { ...c, status: 'active', activatedAt: now.toISOString(), version: c.version + 1 };
}

export function lapse(c: Consortium): Consortium {
  if (c.status !== 'inviting') return c;
  return { ...c, status: 'lapsed', version: c.version + 1 };
}
