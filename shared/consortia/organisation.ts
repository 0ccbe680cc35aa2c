import { invalid } from '../platform/errors';
import { parseOrgIdentifier } from './org-identifier';

export const organisationKinds = ['funder', 'provider', 'council'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** Funder types as the sector names them; they drive reporting and attribution views later. */
export const funderTypes = ['local-authority', 'icb', 'trust-foundation', 'other'] as const;
export type FunderType = (typeof funderTypes)[number];

/** Kinds, funder types and roles in words, as pages say them ("ICB", not "Icb"). */
export const kindNames: Record<OrganisationKind, string> = { funder: 'Funder', provider: 'Provider', council: 'Council' };
export const funderTypeNames: Record<FunderType, string> = {
  'local-authority': 'Local authority',
  icb: 'ICB (NHS integrated care board)',
  'trust-foundation': 'Trust or foundation',
  other: 'Other',
};

export const memberRoles = ['admin', 'officer', 'viewer'] as const;
export type MemberRole = (typeof memberRoles)[number];
export const roleNames: Record<MemberRole, string> = { admin: 'Admin', officer: 'Officer', viewer: 'Viewer' };
/** What each role may do, as the staff pages explain it. */
export const roleHints: Record<MemberRole, string> = {
  admin: "Manages the organisation's staff, and acts for it like an officer",
  officer: 'Acts for the organisation: pledges, votes, decisions and reviews',
  viewer: 'Reads what the organisation can see, and changes nothing',
};

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  funderType?: FunderType;
  identifier: string;
  contactEmail: string;
  createdAt: string;
  /** Its registered 360Giving publisher prefix (`giving360-prefix.ts`), once an admin has set it: its published grants' ids start with it. */
  giving360Prefix?: string;
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
