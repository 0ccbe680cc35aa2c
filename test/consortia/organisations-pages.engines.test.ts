import { describe, expect, it } from 'vitest';
import { errorSummary, type PageClient, signInAs } from '../support/pages';
import { useTestStack } from '../support/use-stack';

/**
 * Organisations and their staff from the browser, as the platform admin and an organisation's
 * admin do with JavaScript off: the organisations page and its start link, adding an
 * organisation (kind, funder type, details, check your answers, confirmation), its page with the
 * staff, adding a member of staff, changing a role and removing someone. Mistakes are named by
 * the pages' labels and write nothing; what is made is read back through the JSON API.
 */
const { stack, funder: f } = useTestStack({ seed: true });

type Org = { id: string; name: string; kind: string; funderType?: string; identifier: string; contactEmail: string };
type Staffed = Org & { members: { userId: string; role: string }[] };

const post = async (c: PageClient, path: string, page: string, fields: Record<string, string>) =>
  c.post(`${path}?page=${page}`, { page, ...fields, csrf: await c.csrf() });
const orgCount = async () =>
  (
    await Promise.all(
      ['funder', 'provider', 'council'].map((k) =>
        stack.api.call<{ organisations: Org[] }>(stack.admin, 'GET', `/organisations?kind=${k}`),
      ),
    )
  ).flatMap((r) => r.organisations).length;
const decode = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"');

const NEW = '/app/organisations/new';

/** The platform admin adds an organisation through the journey; answers its id. */
async function addOrganisation(admin: PageClient, kind: Record<string, string>, details: Record<string, string>): Promise<string> {
  expect((await post(admin, NEW, 'kind', kind)).location).toBe(`${NEW}?page=details`);
  expect((await post(admin, NEW, 'details', details)).location).toBe(`${NEW}?page=check`);
  const sent = await admin.post(`${NEW}?page=check`, { page: 'check', csrf: await admin.csrf() });
  expect(sent.location).toMatch(/^\/app\/organisations\/new\?page=done&created=[0-9A-Z]{26}$/);
  return /created=([0-9A-Z]{26})/.exec(sent.location ?? '')?.[1] as string;
}

describe('organisations in the browser', () => {
  it('the platform admin goes from what needs me to the organisations, and adds one through question pages, with mistakes named and nothing written', async () => {
    const admin = await signInAs(stack, stack.admin.email);
    expect((await admin.get('/app')).html).toContain('href="/app/organisations"');
    const list = decode((await admin.get('/app/organisations')).html);
    expect(list).toContain(`href="${NEW}"`);
    // Kinds and funder types in words, with each organisation's org-id and number of staff.
    expect(list).toMatch(
      /NHS Wyvern Integrated Care Board<\/a><\/td><td[^>]*>Funder<\/td><td[^>]*>ICB \(NHS integrated care board\)<\/td><td[^>]*>GB-NHS-QWY<\/td><td[^>]*>1<\/td>/,
    );
    expect(list).toContain('Trust or foundation');
    const before = await orgCount();

    expect((await admin.get(NEW)).html).toContain('What kind of organisation is it?');
    const empty = await post(admin, NEW, 'kind', {});
    expect(empty.status).toBe(400);
    expect(errorSummary(empty.html)).toEqual([['kind', 'Select what kind of organisation it is']]);
    const noType = await post(admin, NEW, 'kind', { kind: 'funder' });
    expect(errorSummary(noType.html)).toEqual([['funderType', 'Select the type of funder']]);
    expect(noType.html).toMatch(/id="kind" name="kind" type="radio" value="funder" checked/);
    expect((await post(admin, NEW, 'kind', { kind: 'funder', funderType: 'icb' })).location).toBe(`${NEW}?page=details`);

    const blank = await post(admin, NEW, 'details', { name: '', identifier: '', contactEmail: '' });
    expect(errorSummary(blank.html)).toEqual([
      ['name', 'Enter the name of the organisation'],
      ['identifier', 'Enter its org-id'],
      ['contactEmail', 'Enter a contact email address'],
    ]);
    const long = await post(admin, NEW, 'details', {
      name: 'N'.repeat(201),
      identifier: `GB-CHC-${'1'.repeat(80)}`,
      contactEmail: 'nobody',
    });
    expect(errorSummary(long.html)).toEqual([
      ['name', 'Name of the organisation must be 200 characters or fewer'],
      ['identifier', 'Org-id must be 80 characters or fewer'],
      ['contactEmail', 'Enter contact email address in the correct format, like name@example.org'],
    ]);
    expect(long.html).toContain('N'.repeat(201));
    // An org-id of the wrong shape passes the question (the schema's rules) and is refused by the use case from check your answers.
    const details = { name: 'Wyvern Health Fund', identifier: 'GB-CHC-12AB', contactEmail: 'Grants@Wyvern-Health.example.org' };
    expect((await post(admin, NEW, 'details', details)).location).toBe(`${NEW}?page=check`);
    const check = decode((await admin.get(`${NEW}?page=check`)).html);
    expect(check).toContain('Check your answers before you add the organisation');
    expect(check).toContain('Funder: ICB (NHS integrated care board)');
    const refused = decode((await admin.post(`${NEW}?page=check`, { page: 'check', csrf: await admin.csrf() })).html);
    expect(refused).toContain(`href="${NEW}?page=details&return=check#identifier"`);
    expect(refused).toContain('is not a valid number on the Charity Commission for England and Wales list (GB-CHC)');
    expect(await orgCount()).toBe(before);

    const orgId = await addOrganisation(admin, { kind: 'funder', funderType: 'icb' }, { ...details, identifier: 'GB-CHC-1187001' });
    const done = await admin.get(`${NEW}?page=done&created=${orgId}`);
    expect(done.html).toContain('Organisation added');
    expect(done.html).toContain(`href="/app/organisations/${orgId}"`);
    expect(await stack.api.call<Org>(stack.admin, 'GET', `/organisations/${orgId}`)).toMatchObject({
      name: 'Wyvern Health Fund',
      kind: 'funder',
      funderType: 'icb',
      identifier: 'GB-CHC-1187001',
      contactEmail: 'grants@wyvern-health.example.org',
      members: [],
    });
    expect(await orgCount()).toBe(before + 1);
    // The draft is gone: starting again starts empty.
    expect((await admin.get(`${NEW}?page=details`)).html).not.toContain('Wyvern Health Fund');
  });

  it('a funder type ticked before choosing another kind is dropped, not refused (both questions are posted together)', async () => {
    const admin = await signInAs(stack, stack.admin.email);
    const orgId = await addOrganisation(
      admin,
      { kind: 'provider', funderType: 'other' },
      { name: 'Harbour Arts', identifier: 'GB-CHC-1187002', contactEmail: 'hello@harbour-arts.example.org' },
    );
    const org = await stack.api.call<Org>(stack.admin, 'GET', `/organisations/${orgId}`);
    expect(org).toMatchObject({ kind: 'provider', name: 'Harbour Arts' });
    expect(org.funderType).toBeUndefined();
    const page = decode((await admin.get(`/app/organisations/${orgId}`)).html);
    expect(page).toContain('<dd class="govuk-summary-list__value">Provider</dd>');
    expect(page).not.toContain('Type of funder');
  });

  it('is not offered to anyone else, who sees only their own organisations and gets the not-found page for the journey', async () => {
    const other = await signInAs(stack, f(1).admin.email);
    const list = (await other.get('/app/organisations')).html;
    expect(list).not.toContain(`href="${NEW}"`);
    expect(list).toContain('Eastbrook District Council');
    expect(list).not.toContain('Wyvernshire County Council');
    expect((await other.get(NEW)).status).toBe(404);
    expect((await other.get(`/app/organisations/${f(0).org.id}`)).status).toBe(404);
    expect((await other.post(`${NEW}?page=kind`, { page: 'kind', kind: 'funder', csrf: await other.csrf() })).status).toBe(404);
  });
});

describe("an organisation's staff in the browser", () => {
  it('the platform admin adds its first admin, who signs in and manages the staff: adds, changes a role, cannot demote or remove the last admin, removes', async () => {
    const admin = await signInAs(stack, stack.admin.email);
    const orgId = await addOrganisation(
      admin,
      { kind: 'council' },
      { name: 'Coastal Borough Council', identifier: 'GB-LAE-CBC', contactEmail: 'contracts@coastal.example.org' },
    );
    const orgPage = `/app/organisations/${orgId}`;
    const NEWM = `${orgPage}/members/new`;
    const page = (await admin.get(orgPage)).html;
    expect(page).toContain('Nobody works for Coastal Borough Council in grantloop yet.');
    expect(page).toContain(`href="${NEWM}"`);

    const empty = await post(admin, NEWM, 'person', {});
    expect(empty.status).toBe(400);
    expect(errorSummary(empty.html)).toEqual([
      ['name', 'Enter their full name'],
      ['email', 'Enter their email address'],
      ['role', 'Select their role'],
    ]);
    const long = await post(admin, NEWM, 'person', { name: 'D'.repeat(201), email: 'dee@', role: 'admin' });
    expect(errorSummary(long.html)).toEqual([
      ['name', 'Full name must be 200 characters or fewer'],
      ['email', 'Enter email address in the correct format, like name@example.org'],
    ]);
    expect(long.html).toContain('D'.repeat(201));
    expect(long.html).toMatch(/id="role" name="role" type="radio" value="admin" checked/);
    expect((await stack.api.call<Staffed>(stack.admin, 'GET', `/organisations/${orgId}`)).members).toEqual([]);

    const dee = await addStaff(admin, orgId, { name: 'Dee Admin', email: 'dee@coastal.example.org', role: 'admin' });
    expect(decode((await admin.get(`${orgPage}?done=added&user=${dee}`)).html)).toContain('Dee Admin was added as an admin');

    // The new admin signs in on the local sign-in page with their email and acts with their role.
    const deeClient = await signInAs(stack, 'dee@coastal.example.org');
    const own = decode((await deeClient.get('/app/organisations')).html);
    expect(own).toContain('Coastal Borough Council');
    expect(own).not.toContain('Wyvernshire County Council');
    const staffTable = decode((await deeClient.get(orgPage)).html);
    expect(staffTable).toMatch(/<td[^>]*>Dee Admin<\/td><td[^>]*>dee@coastal.example.org<\/td><td[^>]*>Admin<\/td>/);
    const sam = await addStaff(deeClient, orgId, { name: 'Sam Officer', email: 'Sam@Coastal.example.org', role: 'officer' });

    // An officer sees the staff but not the links that change them, and gets the not-found page for those pages.
    const samClient = await signInAs(stack, 'sam@coastal.example.org');
    const asOfficer = (await samClient.get(orgPage)).html;
    expect(asOfficer).toContain('Sam Officer');
    expect(asOfficer).not.toContain(`href="${NEWM}"`);
    expect((await samClient.get(NEWM)).status).toBe(404);
    expect((await samClient.get(`${orgPage}/members/${dee}/remove`)).status).toBe(404);

    // Change a role: a question page, then back to the organisation.
    const rolePath = `${orgPage}/members/${sam}/role`;
    expect(decode((await deeClient.get(rolePath)).html)).toContain('What role should Sam Officer have?');
    const noRole = await deeClient.post(rolePath, { action: 'role', csrf: await deeClient.csrf() });
    expect(errorSummary(noRole.html)).toEqual([['role', 'Select a role']]);
    const changed = await deeClient.post(rolePath, { action: 'role', role: 'viewer', csrf: await deeClient.csrf() });
    expect(changed.location).toBe(`${orgPage}?done=role&user=${sam}`);
    expect(decode((await deeClient.get(changed.location as string)).html)).toContain('Sam Officer is now a viewer');
    const members = async () => (await stack.api.call<Staffed>(stack.admin, 'GET', `/organisations/${orgId}`)).members;
    expect((await members()).map((m) => [m.userId, m.role]).sort()).toEqual(
      [
        [dee, 'admin'],
        [sam, 'viewer'],
      ].sort(),
    );

    // The last admin can be neither demoted nor removed: said on the page, nothing changed.
    const demote = await deeClient.post(`${orgPage}/members/${dee}/role`, {
      action: 'role',
      role: 'officer',
      csrf: await deeClient.csrf(),
    });
    expect(demote.status).toBe(400);
    expect(errorSummary(demote.html)).toEqual([
      [
        'role-form',
        'Dee Admin is the only admin of Coastal Borough Council: make someone else an admin before you make Dee Admin an officer',
      ],
    ]);
    const removeSelf = await deeClient.post(`${orgPage}/members/${dee}/remove`, { action: 'remove', csrf: await deeClient.csrf() });
    expect(errorSummary(removeSelf.html)).toEqual([
      ['remove', 'Dee Admin is the only admin of Coastal Borough Council: make someone else an admin before you remove Dee Admin'],
    ]);
    expect((await members()).map((m) => m.role).sort()).toEqual(['admin', 'viewer']);

    // Remove: are you sure, then the post; the removed person's session acts for the organisation no more, at once.
    expect((await samClient.get(orgPage)).status).toBe(200);
    const removePath = `${orgPage}/members/${sam}/remove`;
    expect(decode((await deeClient.get(removePath)).html)).toContain('Are you sure you want to remove Sam Officer?');
    const removed = await deeClient.post(removePath, { action: 'remove', csrf: await deeClient.csrf() });
    expect(removed.location).toBe(`${orgPage}?done=removed`);
    expect((await deeClient.get(removed.location as string)).html).toContain('The member of staff was removed');
    expect((await members()).map((m) => m.userId)).toEqual([dee]);
    expect((await samClient.get(orgPage)).status).toBe(404);
    expect((await samClient.get('/app/organisations')).html).not.toContain('Coastal Borough Council');

    // With a second admin, an admin may leave: back to the organisations list, the organisation no longer theirs.
    const kim = await addStaff(deeClient, orgId, { name: 'Kim Admin', email: 'kim@coastal.example.org', role: 'admin' });
    const left = await deeClient.post(`${orgPage}/members/${dee}/remove`, { action: 'remove', csrf: await deeClient.csrf() });
    expect(left.location).toBe('/app/organisations');
    expect((await deeClient.get(orgPage)).status).toBe(404);
    expect((await members()).map((m) => [m.userId, m.role])).toEqual([[kim, 'admin']]);
  });

  it("another organisation's admin gets the not-found page for its staff pages, and the JSON routes refuse them", async () => {
    const admin = await signInAs(stack, stack.admin.email);
    const lead = f(0);
    const outsider = await signInAs(stack, f(1).admin.email);
    const base = `/app/organisations/${lead.org.id}`;
    expect((await outsider.get(`${base}/members/new`)).status).toBe(404);
    expect((await outsider.get(`${base}/members/${lead.admin.id}/role`)).status).toBe(404);
    expect((await admin.get(`${base}/members/${lead.admin.id}/role`)).status).toBe(200);
    const put = await stack.request('PUT', `/organisations/${lead.org.id}/members/${lead.admin.id}/role`, {
      as: f(1).admin,
      body: { role: 'viewer' },
    });
    expect(put.status).toBe(403);
    // The page and the API refuse the same: the lead's only admin stays an admin.
    const api = await stack.request('DELETE', `/organisations/${lead.org.id}/members/${lead.admin.id}`, { as: stack.admin });
    expect([api.status, api.body.message]).toEqual([
      409,
      'Ruth Okafor is the only admin of Wyvernshire County Council: make someone else an admin before you remove Ruth Okafor',
    ]);
  });
});

/** Adds a member of staff through the journey (one question page, check your answers, confirmation); answers their user id. */
async function addStaff(c: PageClient, orgId: string, person: { name: string; email: string; role: string }): Promise<string> {
  const path = `/app/organisations/${orgId}/members/new`;
  expect((await post(c, path, 'person', person)).location).toBe(`${path}?page=check`);
  const check = decode((await c.get(`${path}?page=check`)).html);
  expect(check).toContain('Check your answers before you add them to the staff');
  expect(check).toContain(person.email);
  const sent = await c.post(`${path}?page=check`, { page: 'check', csrf: await c.csrf() });
  const userId = /created=([0-9A-Z]{26})/.exec(sent.location ?? '')?.[1] as string;
  const done = decode((await c.get(sent.location as string)).html);
  expect(done).toContain('Member of staff added');
  expect(done).toContain(`href="/app/organisations/${orgId}?done=added&user=${userId}"`);
  return userId;
}
