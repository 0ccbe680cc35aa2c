import { invalid } from '../platform/errors';
import { parseOrgIdentifier } from './org-identifier';

export const organisationKinds = ['funder', 'provider', 'council'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** Funder types as the sector names them; they drive reporting and attribution views later. */
export const funderTypes = ['local-authority', 'icb', 'trust-foundation', 'other'] as const;
export type FunderType = (typeof funderTypes)[number];

export const memberRoles = ['admin', 'officer', 'viewer'] as const;
export type MemberRole = (typeof memberRoles)[number];

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  funderType?: FunderType;
  identifier: string;
  contactEmail: string;
  createdAt: string;
}

/** A council manages contracts: an organisation of kind council, or a local-authority funder. */
export const isCouncil = (o: Pick<Organisation, 'kind' | 'funderType'>) => o.kind === 'council' || o.funderType === 'local-authority';

export interface NewOrganisation {
  name: string;
  kind: OrganisationKind;
  funderType?: FunderType | undefined;
  identifier: string;
  contactEmail: string;
}

/** Checks the rules that zod's shape checks cannot express, and normalises the identifier. */
export function prepareOrganisation(input: NewOrganisation, id: string, now: Date): Organisation {
  if (input.kind === 'funder' && !input.funderType) {
    throw invalid(
      'funderType',
      'required-for-funders',
      `funderType is required when kind is "funder" (one of local-authority, icb, trust-foundation, other)`,
    );
  }
  if (input.kind !== 'funder' && input.funderType) {
    throw invalid('funderType', 'funders-only', `funderType applies only to organisations of kind "funder"`);
  }
  const { value } = parseOrgIdentifier(input.identifier);
  return {
    id,
    name: input.name.trim(),
    kind: input.kind,
    ...(input.funderType ? { funderType: input.funderType } : {}),
    identifier: value,
    contactEmail: input.contactEmail.toLowerCase(),
    createdAt: now.toISOString(),
  };
}

/** What each role may do within its own organisation. */
const roleRank: Record<MemberRole, number> = { viewer: 0, officer: 1, admin: 2 };
export const roleAtLeast = (role: MemberRole, needed: MemberRole): boolean => roleRank[role] >= roleRank[needed];
