/**
 * What the consortia routes answer: a zod schema of each view model the use cases return. The
 * API contract states these (`api.ts`) and each handler checks its body against the same
 * schema's type (`satisfies View<typeof …>`), so the document and the answer cannot drift apart.
 */
import { consortiumIdentity, organisationIdentity } from '../../shared/consortia/codecs';
import { consortiumRoles } from '../../shared/consortia/consortium';
import { funderTypes, memberRoles } from '../../shared/consortia/organisation';
import { isoTime } from '../lib/api';
import * as z from '../lib/zod';

const at = isoTime;
export const user = z.strictObject({ id: z.string(), email: z.string(), name: z.string(), platformAdmin: z.boolean(), createdAt: at });
export const membership = z.strictObject({ userId: z.string(), orgId: z.string(), role: z.enum(memberRoles), grantedAt: at });
export const organisation = z.strictObject({ ...organisationIdentity(), createdAt: at });
const consortiumFields = {
  ...consortiumIdentity(),
  quorumPercent: z.int(),
  /** Opaque to consortia: the grants feature's policy, as `PUT /consortia/{consortiumId}/reporting-policy` set it. */
  reportingPolicy: z.optional(z.unknown()),
  createdAt: at,
  createdBy: z.string(),
  version: z.int(),
  activatedAt: z.optional(at),
};
export const consortium = z.strictObject({
  ...consortiumFields,
  members: z.array(z.strictObject({ orgId: z.string(), role: z.enum(consortiumRoles) })),
});

export const me = z.strictObject({ user, memberships: z.array(membership) });
export const organisations = z.strictObject({ organisations: z.array(organisation) });
export const organisationDetail = z.strictObject({
  ...organisation.def.shape,
  members: z.array(membership),
  consortia: z.array(z.string()),
});
export const memberAdded = z.strictObject({ user, membership });
export const memberRemoved = z.strictObject({ orgId: z.string(), userId: z.string(), removed: z.literal(true) });
export const consortiumDetail = z.strictObject({
  ...consortiumFields,
  members: z.array(
    z.strictObject({
      orgId: z.string(),
      role: z.enum(consortiumRoles),
      name: z.optional(z.string()),
      funderType: z.optional(z.enum(funderTypes)),
    }),
  ),
  awaitingConfirmationUntil: z.optional(at),
});
export const giving360PrefixSet = z.strictObject({ orgId: z.string(), giving360Prefix: z.string() });
export const confirmed = z.strictObject({ consortiumId: z.string(), confirmed: z.boolean() });
