import { DomainError, invalid } from '../platform/errors';
import { newId } from '../platform/ids';
import type { Caller } from './caller';
import { makeEvent, subject } from './events';
import { parseOrgIdentifier } from './org-identifier';
import { type Organisation, prepareOrganisation } from './organisation';
import type { ConsortiaDeps } from './store';

/**
 * A grant's recipient that is not yet on grantloop, added by the funder proposing the grant to
 * it (issue 24: "recipient chosen from providers or added on the way"). Only a provider can be
 * added this way, with its org-id checked as for any organisation; adding funders and councils,
 * and their staff, stays with the platform admins. The caller's right to propose is the
 * proposing use case's to check.
 */
export interface NewRecipient {
  name: string;
  identifier: string;
  contactEmail: string;
}

type D = Pick<ConsortiaDeps, 'consortia' | 'clock'>;

/**
 * Checks a new recipient before anything is written, its problems named under `field`
 * (`newRecipient.identifier`): an org-id already on grantloop is refused with the name it is
 * registered under, so the person chooses it from the list rather than making a second record.
 */
export async function checkNewRecipient(deps: D, input: NewRecipient, field = 'newRecipient'): Promise<Organisation> {
  const { value } = parseOrgIdentifier(input.identifier, `${field}.identifier`);
  const existing = await deps.consortia.findOrganisationByIdentifier(value);
  if (existing)
    throw invalid(
      `${field}.identifier`,
      'unique-identifier',
      `${value} is already on grantloop as ${existing.name}: choose it from the list`,
    );
  const now = deps.clock.now();
  try {
    return prepareOrganisation({ ...input, kind: 'provider' }, newId(now), now);
  } catch (error) {
    // prepareOrganisation names its own fields; here they are the new recipient's.
    if (error instanceof DomainError && error.issues?.length)
      throw new DomainError(
        error.kind,
        `${field}.${error.message}`,
        error.issues.map((i) => ({ ...i, field: `${field}.${i.field}` })),
      );
    throw error;
  }
}

/** Writes the provider checked by `checkNewRecipient`; the organisation's identifier item refuses a second one written meanwhile. */
export async function registerRecipient(deps: D, caller: Caller, org: Organisation): Promise<Organisation> {
  await deps.consortia.createOrganisation(
    org,
    makeEvent('organisation.created', subject.organisation(org.id), caller.user.id, { orgId: org.id, kind: org.kind }, deps.clock.now()),
  );
  return org;
}
