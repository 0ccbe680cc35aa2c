import { z } from 'zod';
import { consortiumRoles } from '../../shared/domain/consortium';
import { funderTypes, memberRoles, organisationKinds } from '../../shared/domain/organisation';

/** Request shapes. Business rules (lead count, org-id formats) live in the domain. */
const id = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a grantloop id (26 characters)');
const name = z.string().trim().min(2, 'must be at least 2 characters').max(200, 'must be at most 200 characters');
const email = z.email('must be an email address').max(254);

export const orgIdPath = z.object({ orgId: id });
export const consortiumIdPath = z.object({ consortiumId: id });

export const newOrganisation = z.strictObject({
  name,
  kind: z.enum(organisationKinds),
  funderType: z.enum(funderTypes).optional(),
  identifier: z.string().trim().min(4).max(80),
  contactEmail: email,
});

export const listOrganisationsQuery = z.object({ kind: z.enum(organisationKinds) });

export const newMember = z.strictObject({
  email,
  name,
  role: z.enum(memberRoles),
});

export const newConsortium = z.strictObject({
  name,
  place: name,
  members: z
    .array(z.strictObject({ orgId: id, role: z.enum(consortiumRoles) }))
    .min(2, 'a consortium needs at least 2 member organisations')
    .max(50),
});
