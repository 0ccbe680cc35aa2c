import { consortiaTable } from '../../shared/consortia/aws';
import {
  type FunderType,
  funderTypeNames,
  kindNames,
  type MemberRole,
  type Organisation,
  roleNames,
} from '../../shared/consortia/organisation';
import { organisationStaff, organisationsList } from '../../shared/consortia/staff';
import { plural } from '../../shared/platform/format';
import { SuccessBanner, SummaryList } from '../lib/web/govuk';
import { GoTo, StartLink } from '../lib/web/inputs';
import { figures, Link, Table } from '../lib/web/table';
import type { Page } from './web-sessions';

/**
 * The organisations page (every organisation, for a platform admin, with the start link to add
 * one; anyone else sees their own) and an organisation's page: its details and its staff, with
 * the links to add, change and remove them for its admins and the platform admin.
 */
export const organisationsCrumbs = [
  { href: '/app', label: 'What needs me' },
  { href: '/app/organisations', label: 'Organisations' },
];

const funderTypeInWords = (org: Pick<Organisation, 'funderType'>) => (org.funderType ? funderTypeNames[org.funderType as FunderType] : '');

const orgHref = (orgId: string) => `/app/organisations/${encodeURIComponent(orgId)}`;

export const organisationsPage: Page = async ({ caller }) => {
  const { rows, mayAdd } = await organisationsList(consortiaTable, caller);
  return {
    title: 'Organisations',
    section: 'organisations',
    crumbs: organisationsCrumbs.slice(0, 1),
    body: (
      <>
        <h1 class="govuk-heading-l">Organisations</h1>
        <p class="govuk-body">
          {mayAdd
            ? 'Every funder, council and provider that uses grantloop, with its staff.'
            : 'The organisations you work for, with their staff.'}
        </p>
        {mayAdd && <StartLink href="/app/organisations/new">Add an organisation</StartLink>}
        {rows.length === 0 ? (
          <p class="govuk-body">{mayAdd ? 'There are no organisations yet.' : 'You are not on the staff of any organisation.'}</p>
        ) : (
          <Table
            caption={plural(rows.length, 'organisation')}
            columns={['Name', 'Kind', 'Type of funder', 'Org-id', ...figures('Staff')]}
            rows={rows.map((r) => [
              <Link href={orgHref(r.org.id)}>{r.org.name}</Link>,
              kindNames[r.org.kind],
              funderTypeInWords(r.org),
              r.org.identifier,
              String(r.staff),
            ])}
          />
        )}
      </>
    ),
  };
};

/**
 * What the page says once a change is made (POST-redirect-GET back to the organisation): the
 * person by their id in the address, named from the staff list (never text from the address).
 */
function banner(done: string | undefined, person: { name: string; role: MemberRole } | undefined): string | undefined {
  if (done === 'prefix') return 'The 360Giving prefix was saved: grants this organisation funds are published under it';
  if (done === 'removed') return 'The member of staff was removed: they can no longer act for the organisation';
  if (!person) return undefined;
  const aRole = person.role === 'viewer' ? 'a viewer' : `an ${person.role}`;
  if (done === 'added') return `${person.name} was added as ${aRole}`;
  if (done === 'role') return `${person.name} is now ${aRole}`;
  return undefined;
}

/** Its 360Giving prefix, with the way to set or change it for those who may. */
function prefixRow(org: Organisation, manage: boolean): [string, string] | [string, string, { href: string; label: string }] {
  const value = org.giving360Prefix ?? 'Not set';
  if (!manage) return ['360Giving prefix', value];
  return ['360Giving prefix', value, { href: `${orgHref(org.id)}/giving360-prefix`, label: org.giving360Prefix ? 'Change' : 'Set' }];
}

export const organisationPage: Page = async ({ caller, params, query }) => {
  const { org, staff, manage } = await organisationStaff(consortiaTable, caller, params.orgId ?? '');
  const done = banner(
    query.done,
    staff.find((s) => s.userId === query.user),
  );
  const memberHref = (userId: string, what: string) => `${orgHref(org.id)}/members/${encodeURIComponent(userId)}/${what}`;
  return {
    title: org.name,
    section: 'organisations',
    crumbs: organisationsCrumbs,
    body: (
      <>
        {done && <SuccessBanner heading={done} />}
        <span class="govuk-caption-l">{kindNames[org.kind]}</span>
        <h1 class="govuk-heading-l">{org.name}</h1>
        <SummaryList
          rows={[
            ['Kind', kindNames[org.kind]],
            ...(org.funderType ? [['Type of funder', funderTypeInWords(org)] as [string, string]] : []),
            ['Org-id', org.identifier],
            ['Contact email address', org.contactEmail],
            prefixRow(org, manage),
          ]}
        />
        <h2 class="govuk-heading-m">Staff</h2>
        {manage && <GoTo href={`${orgHref(org.id)}/members/new`}>Add a member of staff</GoTo>}
        {staff.length === 0 ? (
          <p class="govuk-body">Nobody works for {org.name} in grantloop yet.</p>
        ) : (
          <Table
            caption={plural(staff.length, 'member of staff', 'members of staff')}
            columns={['Name', 'Email address', 'Role', ...(manage ? [{ label: 'Actions' }] : [])]}
            rows={staff.map((s) => [
              s.name,
              s.email,
              roleNames[s.role as MemberRole],
              ...(manage
                ? [
                    <ul class="govuk-summary-list__actions-list">
                      <li class="govuk-summary-list__actions-list-item">
                        <a class="govuk-link" href={memberHref(s.userId, 'role')}>
                          Change role<span class="govuk-visually-hidden"> of {s.name}</span>
                        </a>
                      </li>
                      <li class="govuk-summary-list__actions-list-item">
                        <a class="govuk-link" href={memberHref(s.userId, 'remove')}>
                          Remove<span class="govuk-visually-hidden"> {s.name}</span>
                        </a>
                      </li>
                    </ul>,
                  ]
                : []),
            ])}
          />
        )}
      </>
    ),
  };
};
