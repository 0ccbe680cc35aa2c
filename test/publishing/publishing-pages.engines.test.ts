import { beforeAll, describe, expect, it } from 'vitest';
import { award, grantFixture } from '../support/grant';
import { errorSummary, expectRefused, type PageClient, signInAs } from '../support/pages';
import { useTestStack } from '../support/use-stack';

/**
 * Issue 28's settings from the browser with JavaScript off, on the real stack: an organisation's
 * 360Giving prefix, what the consortium publishes, and a grant's areas and functions. Mistakes
 * are named by the pages' labels and write nothing; what is saved is read back through the API
 * and the pages; members read what only the lead (or a funder's officers) may change.
 */
const { stack, funder, fixture: f } = useTestStack({ seed: true, fixture: grantFixture });
let lead: PageClient;
let member: PageClient;
let grantId: string;

/** The table's item count once every event so far has been handled: a rebuild of the public documents (issue 28) writes as it goes. */
const quietCount = async () => {
  await stack.runtime.settle();
  return stack.itemCount();
};
const send = async (c: PageClient, path: string, fields: Record<string, string>) => c.post(path, { ...fields, csrf: await c.csrf() });
const entities = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"');

beforeAll(async () => {
  grantId = (await award(f, 'Open data grant', 500_000)).id;
  lead = await signInAs(stack, f.lead.admin.email);
  member = await signInAs(stack, funder(1).admin.email);
});

describe("an organisation's 360Giving prefix", () => {
  it('its admin sets it from the organisation page: a wrong prefix is named by its label; another organisation gets the not-found page', async () => {
    const orgPath = `/app/organisations/${f.lead.org.id}`;
    const page = (await lead.get(orgPath)).html;
    expect(page).toContain('360Giving prefix</dt><dd class="govuk-summary-list__value">Not set');
    expect(page).toContain(`href="${orgPath}/giving360-prefix"`);
    const form = entities((await lead.get(`${orgPath}/giving360-prefix`)).html);
    expect(form).toContain('Publisher Registration Form');
    expect(form).toContain('It starts with 360G-, for example 360G-wyvernshire.');
    const before = await quietCount();
    expectRefused(await send(lead, `${orgPath}/giving360-prefix`, { action: 'prefix', prefix: 'GB-CHC-1234567' }), [
      ['prefix', '360Giving prefix must start with 360G- followed by letters, numbers and hyphens, like 360G-wyvernshire'],
    ]);
    expectRefused(await send(lead, `${orgPath}/giving360-prefix`, { action: 'prefix', prefix: '' }), [
      ['prefix', 'Enter the 360Giving prefix'],
    ]);
    expect(await stack.itemCount()).toBe(before);
    const saved = await send(lead, `${orgPath}/giving360-prefix`, { action: 'prefix', prefix: '360g-wyvernshire' });
    expect(saved.location).toBe(`${orgPath}?done=prefix`);
    expect(entities((await lead.get(saved.location as string)).html)).toContain('The 360Giving prefix was saved');
    expect(await stack.api.call(f.lead.admin, 'GET', `/organisations/${f.lead.org.id}`)).toMatchObject({
      giving360Prefix: '360G-wyvernshire',
    });
    expect((await member.get(`${orgPath}/giving360-prefix`)).status).toBe(404);
  });
});

describe("the consortium's publishing settings", () => {
  const path = () => `/app/consortia/${f.consortiumId}/publishing`;
  const good = {
    action: 'settings',
    licence: 'cc0-1.0',
    placeCode: 'E10000034',
    'show-grants': 'yes',
    'show-tenders': 'yes',
    purpose: 'Local infrastructure for Worcestershire',
    published: 'yes',
  };

  it('the lead reaches them from the consortium page and sees the defaults: places grouped by type, every part ticked, not published', async () => {
    expect((await lead.get(`/app/consortia/${f.consortiumId}`)).html).toContain(`href="${path()}"`);
    const html = entities((await lead.get(path())).html);
    expect(html).toMatch(
      /<optgroup label="Counties"><option value="E10000034"[^>]*>Worcestershire<\/option>|<option value="E10000034">Worcestershire<\/option>/,
    );
    expect(html).toContain('<optgroup label="NHS integrated care boards">');
    expect(html).toMatch(/name="licence" type="radio" value="cc-by-4.0" checked/);
    for (const part of ['grants', 'tenders', 'successRates', 'decisions'])
      expect(html).toMatch(new RegExp(`name="show-${part}" type="checkbox" value="yes" checked`));
    expect(html).toMatch(/name="published" type="radio" value="no" checked/);
  });

  it('refuses a form with no licence or choice, a purpose over its limit and a place not on the list, saving nothing', async () => {
    const before = await quietCount();
    expectRefused(await send(lead, path(), { action: 'settings' }), [
      ['licence', 'Select the licence the data is published under'],
      ['published', 'Select whether to publish the consortium’s data'],
    ]);
    const wrong = await send(lead, path(), { ...good, placeCode: 'Wyvernshire', purpose: 'x'.repeat(1001) });
    expectRefused(wrong, [
      ['placeCode', 'The consortium’s place: must be a place on grantloop’s list of English places, by its GSS code'],
      ['purpose', 'What the consortium funds must be 1,000 characters or fewer'],
    ]);
    expect(wrong.html).toContain('x'.repeat(1001));
    expect(await stack.itemCount()).toBe(before);
  });

  it('shows the self-check before anything is public, and holds publishing back until every contributing funder has its prefix', async () => {
    const checks = entities((await lead.get(path())).html);
    expect(checks).toContain('Checks on the grants data');
    // The lead set its prefix above; the member whose pledge is in the pool has none yet.
    expect(checks).toContain(`${funder(1).org.name} has no 360Giving publisher prefix`);
    const before = await quietCount();
    const refused = await send(lead, path(), good);
    expect(refused.status).toBe(400);
    expect(entities(errorSummary(refused.html).flat().join(' '))).toContain(`${funder(1).org.name} has no 360Giving publisher prefix`);
    expect(await stack.itemCount()).toBe(before);
    const prefixed = await stack.request('PUT', `/organisations/${funder(1).org.id}/giving360-prefix`, {
      as: funder(1).admin,
      body: { prefix: '360G-harbourside' },
    });
    expect(prefixed.status).toBe(200);
    expect(entities((await lead.get(path())).html)).toContain('Nothing stops the consortium publishing its grants.');
  });

  it('saves what the lead chose, which a member reads but cannot change; the API takes the same body and refuses the member', async () => {
    const saved = await send(lead, path(), good);
    expect(saved.location).toBe(`${path()}?done=saved`);
    const html = entities((await lead.get(saved.location as string)).html);
    expect(html).toContain('Publishing settings saved');
    expect(html).toContain(`Published. The public page, with its data files, is at <a class="govuk-link" href="/open/${f.consortiumId}">`);
    expect(html).toMatch(/<option value="E10000034" selected="">Worcestershire|<option value="E10000034" selected>Worcestershire/);
    expect(html).toMatch(/name="show-grants" type="checkbox" value="yes" checked/);
    expect(html).not.toMatch(/name="show-successRates" type="checkbox" value="yes" checked/);
    const read = entities((await member.get(path())).html);
    expect(read).toContain('Worcestershire (E10000034)');
    expect(read).toContain('Grants, Joint tenders');
    expect(read).not.toContain('name="licence"');
    expect((await send(member, path(), good)).status).toBe(404);
    const body = { licence: 'cc-by-4.0', show: { grants: true, tenders: false, successRates: true, decisions: true }, published: false };
    expect((await stack.request('PUT', `/consortia/${f.consortiumId}/publishing`, { as: funder(1).admin, body })).status).toBe(403);
    const put = await stack.request('PUT', `/consortia/${f.consortiumId}/publishing`, { as: f.lead.admin, body });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ ...body, version: 2, consortiumId: f.consortiumId });
    expect(put.body.placeCode).toBeUndefined();
  });
});

describe("a grant's publishing details", () => {
  const path = () => `/app/grants/${grantId}/publishing`;
  const selects = (html: string) => [...html.matchAll(/<select class="govuk-select[^"]*" id="(areaCodes\.\d)"/g)].map((m) => m[1]);

  it("a funder's officer chooses areas, one more select appearing as each is used, and the functions; a wrong place is named", async () => {
    expect((await member.get(`/app/grants/${grantId}`)).html).toContain(`href="${path()}"`);
    expect(selects((await member.get(path())).html)).toEqual(['areaCodes.0', 'areaCodes.1', 'areaCodes.2']);
    const before = await quietCount();
    expectRefused(await send(member, path(), { action: 'details', 'areaCodes.0': 'Wyvernshire' }), [
      ['areaCodes.0', 'Area 1: must be a place on grantloop’s list of English places, by its GSS code'],
    ]);
    expect(
      errorSummary((await send(member, path(), { action: 'details', 'areaCodes.0': 'E07000234', 'areaCodes.1': 'E07000234' })).html),
    ).toEqual([['areaCodes', 'Areas: must name each place once']]);
    expect(await stack.itemCount()).toBe(before);
    const fields = { action: 'details', 'areaCodes.0': 'E07000234', 'areaCodes.2': 'E10000034', 'areaCodes.1': 'E54000008' };
    const saved = await send(member, path(), { ...fields, functions: 'convening' });
    expect(saved.location).toBe(`${path()}?done=saved`);
    const html = entities((await member.get(saved.location as string)).html);
    expect(html).toContain('Publishing details saved');
    // Three areas chosen: a fourth select to add another.
    expect(selects(html)).toEqual(['areaCodes.0', 'areaCodes.1', 'areaCodes.2', 'areaCodes.3']);
    expect(html).toMatch(/name="functions" type="checkbox" value="convening" checked/);
    const put = await stack.request('PUT', `/grants/${grantId}/publishing`, {
      as: f.lead.admin,
      body: { areaCodes: ['E10000034'], functions: ['convening', 'advocacy'] },
    });
    expect(put.body).toMatchObject({ grantId, consortiumId: f.consortiumId, areaCodes: ['E10000034'], version: 2 });
  });
});
