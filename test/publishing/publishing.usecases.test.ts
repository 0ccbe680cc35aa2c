import { describe, expect, it } from 'vitest';
import { decodeForm } from '../../functions/lib/web/form';
import { grantFields } from '../../functions/publishing/grant-page';
import { grantPublishingInput, publishingSettingsInput } from '../../functions/publishing/schemas';
import { settingsFields } from '../../functions/publishing/settings-page';
import { addMember } from '../../shared/consortia/organisations';
import type { User } from '../../shared/consortia/store';
import { StaleWriteError } from '../../shared/platform/errors';
import { allocateDirect } from '../../shared/pools/awards';
import {
  grantPublishingView,
  publishingSettings,
  publishingView,
  setGrantPublishing,
  setPublishingSettings,
} from '../../shared/publishing/publishing';
import { defaultSettings } from '../../shared/publishing/settings';
import { consortium, organisation } from '../support/memory';
import { memoryPool } from '../support/memory-grant';

/**
 * Fast: the publishing settings and a grant's publishing details on the in-memory adapters: who
 * may set what, the version that guards each record, and the shared schema the pages and the API
 * read. Worcestershire is E10000034 and Bromsgrove E07000234 in ONS's codes (LAD23CD / UTLACD).
 */
const all = { grants: true, tenders: true, successRates: true, decisions: true };
const settings = { licence: 'cc-by-4.0' as const, placeCode: 'E10000034', show: all, purpose: 'Local infrastructure', published: false };

async function setup() {
  const p = await memoryPool();
  const { sys, d, lead, recipient, pool } = p;
  const grant = await allocateDirect(d, lead.caller, pool.id, {
    recipientOrgId: recipient.org.id,
    title: 'Community grant',
    amount: 600_000,
    currency: 'GBP',
    durationMonths: 12,
    plannedStart: '2026-04-01',
  });
  // memoryPool's platform admin, who registered everyone.
  const admin = await sys.callerOf((await d.consortia.findUserByEmail('admin@grantloop.test')) as User);
  const staff = async (orgId: string, role: 'officer' | 'viewer', email: string) =>
    sys.callerOf((await addMember(d, admin, orgId, { email, name: `A ${role}`, role })).user);
  return { ...p, grant, admin, staff };
}

describe('publishing settings (in memory)', () => {
  it('are the defaults until the lead chooses: nothing public, CC BY 4.0, version 0', async () => {
    const { d, c, member } = await setup();
    expect(await publishingSettings(d, c.id)).toEqual(defaultSettings(c.id));
    expect(await publishingView(d, member.caller, c.id)).toMatchObject({
      settings: { published: false, licence: 'cc-by-4.0' },
      canManage: false,
    });
  });

  it("the lead's officers set them, with the event; a member reads but may not change them; an outsider is told nothing", async () => {
    const { sys, d, c, lead, member, admin, staff } = await setup();
    const saved = await setPublishingSettings(d, lead.caller, c.id, settings);
    expect(saved).toMatchObject({ ...settings, version: 1, updatedBy: lead.caller.user.id, updatedAt: '2026-04-01T09:00:00.000Z' });
    // Not published yet: no first publication date.
    expect(saved.firstPublishedAt).toBeUndefined();
    expect(await publishingSettings(d, c.id)).toEqual(saved);
    const events = (await d.platform.listEvents(`consortium#${c.id}`)).filter((e) => e.type === 'consortium.publishing-set');
    expect(events.map((e) => e.data)).toEqual([
      { consortiumId: c.id, published: false, licence: 'cc-by-4.0', placeCode: 'E10000034', show: all, version: 1 },
    ]);

    const officer = await staff(lead.org.id, 'officer', 'officer@lead.test');
    sys.advanceDays(3);
    await expect(setPublishingSettings(d, officer, c.id, { ...settings, published: true })).resolves.toMatchObject({
      version: 2,
      published: true,
      firstPublishedAt: '2026-04-04T09:00:00.000Z',
    });
    // Stopping and publishing again keeps the first date: 360Giving's `issued` never moves.
    sys.advanceDays(2);
    await setPublishingSettings(d, officer, c.id, settings);
    expect(await setPublishingSettings(d, officer, c.id, { ...settings, published: true })).toMatchObject({
      version: 4,
      firstPublishedAt: '2026-04-04T09:00:00.000Z',
    });
    const viewer = await staff(lead.org.id, 'viewer', 'viewer@lead.test');
    await expect(setPublishingSettings(d, viewer, c.id, settings)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(setPublishingSettings(d, member.caller, c.id, settings)).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await publishingView(d, member.caller, c.id)).toMatchObject({ settings: { version: 4, published: true }, canManage: false });
    const outsider = await organisation(sys, admin, 'Northmoor Trust');
    await expect(publishingView(d, outsider.caller, c.id)).rejects.toMatchObject({ kind: 'not-found' });
    await expect(setPublishingSettings(d, outsider.caller, c.id, settings)).rejects.toMatchObject({ kind: 'not-found' });
    expect(await publishingSettings(d, c.id)).toMatchObject({ version: 4 });
  });

  it('are written under the version read: two leads saving at once, the second is refused and nothing of it is written', async () => {
    const { d, c, lead } = await setup();
    await setPublishingSettings(d, lead.caller, c.id, settings);
    // The second save read version 1 before the first of these two wrote version 2.
    const stale = {
      ...d,
      publishing: { ...d.publishing, getSettings: async () => ({ ...(await publishingSettings(d, c.id)), version: 1 }) },
    };
    await setPublishingSettings(d, lead.caller, c.id, { ...settings, licence: 'cc0-1.0' });
    await expect(setPublishingSettings(stale, lead.caller, c.id, { ...settings, licence: 'ogl-uk-3.0' })).rejects.toBeInstanceOf(
      StaleWriteError,
    );
    expect(await publishingSettings(d, c.id)).toMatchObject({ licence: 'cc0-1.0', version: 2 });
    expect((await d.platform.listEvents(`consortium#${c.id}`)).filter((e) => e.type === 'consortium.publishing-set')).toHaveLength(2);
  });

  it('refuses a place not on the list, and is held back from publishing by the self-check when one is given', async () => {
    const { d, c, lead } = await setup();
    await expect(setPublishingSettings(d, lead.caller, c.id, { ...settings, placeCode: 'E99999999' })).rejects.toMatchObject({
      issues: [expect.objectContaining({ field: 'placeCode', rule: 'known-place' })],
    });
    const checked = { ...d, readyToPublish: async () => '3 grants have no beneficiary location' };
    await expect(setPublishingSettings(checked, lead.caller, c.id, { ...settings, published: true })).rejects.toMatchObject({
      kind: 'conflict',
      message: '3 grants have no beneficiary location',
    });
    // Saving without publishing is not held back.
    await expect(setPublishingSettings(checked, lead.caller, c.id, settings)).resolves.toMatchObject({ published: false });
  });
});

describe("a grant's publishing details (in memory)", () => {
  it("officers of the consortium's funders set them; its viewers and outsiders may not; every grant's are listed by one read", async () => {
    const { sys, d, c, lead, member, grant, admin, staff } = await setup();
    const input = { areaCodes: ['E07000234', 'E10000034'], functions: ['convening' as const, 'advocacy' as const] };
    await expect(setGrantPublishing(d, member.caller, grant.id, input)).resolves.toMatchObject({
      ...input,
      consortiumId: c.id,
      version: 1,
    });
    sys.advanceDays(1);
    await expect(setGrantPublishing(d, lead.caller, grant.id, { ...input, areaCodes: [] })).resolves.toMatchObject({
      version: 2,
      areaCodes: [],
    });
    const events = (await d.platform.listEvents(`grant#${grant.id}`)).filter((e) => e.type === 'grant.publishing-set');
    expect(events.map((e) => e.data)).toEqual([
      { grantId: grant.id, consortiumId: c.id, ...input, version: 1 },
      { grantId: grant.id, consortiumId: c.id, ...input, areaCodes: [], version: 2 },
    ]);
    const viewer = await staff(member.org.id, 'viewer', 'viewer@member.test');
    await expect(setGrantPublishing(d, viewer, grant.id, input)).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await grantPublishingView(d, viewer, grant.id)).toMatchObject({ publishing: { areaCodes: [] }, canManage: false });
    const outsider = await organisation(sys, admin, 'Northmoor Trust');
    await expect(setGrantPublishing(d, outsider.caller, grant.id, input)).rejects.toMatchObject({ kind: 'not-found' });
    await expect(setGrantPublishing(d, lead.caller, grant.id, { ...input, areaCodes: ['E10000034', 'E10000034'] })).rejects.toMatchObject({
      issues: [expect.objectContaining({ field: 'areaCodes', rule: 'unique' })],
    });
    expect(await d.publishing.listGrantPublishing(c.id)).toEqual([expect.objectContaining({ grantId: grant.id, version: 2 })]);
    // Another consortium of the same lead lists none of this one's.
    const other = await consortium(sys, [lead, member]);
    expect(await d.publishing.listGrantPublishing(other.id)).toEqual([]);
  });
});

describe('the pages and the API read one schema', () => {
  const decode = (form: Record<string, string | string[]>) =>
    decodeForm(publishingSettingsInput, settingsFields, form, {}, (i) => ({
      ...i,
      published: i.published === 'yes' ? true : i.published === 'no' ? false : i.published,
    }));

  it('a settings form in words: blank answers asked for, a place not on the list refused, the ticks read as booleans', () => {
    expect(decode({}).errors).toEqual([
      { field: 'licence', message: 'Select the licence the data is published under' },
      { field: 'published', message: 'Select whether to publish the consortium’s data' },
    ]);
    expect(decode({ licence: 'cc0-1.0', placeCode: 'Wyvernshire', published: 'no', purpose: 'x'.repeat(1001) }).errors).toEqual([
      { field: 'placeCode', message: 'The consortium’s place: must be a place on grantloop’s list of English places, by its GSS code' },
      { field: 'purpose', message: 'What the consortium funds must be 1,000 characters or fewer' },
    ]);
    expect(decode({ licence: 'cc0-1.0', 'show-grants': 'yes', 'show-decisions': 'yes', published: 'yes' }).value).toEqual({
      licence: 'cc0-1.0',
      show: { grants: true, tenders: false, successRates: false, decisions: true },
      published: true,
    });
    expect(publishingSettingsInput.safeParse({ ...settings, placeCode: 'E99999999' }).success).toBe(false);
  });

  it('a grant form: the selects left empty are dropped, a repeated place is refused', () => {
    const adapt = (i: Record<string, unknown>) => ({
      ...i,
      areaCodes: Array.isArray(i.areaCodes) ? i.areaCodes.filter((x) => x !== undefined) : [],
    });
    const grant = (form: Record<string, string | string[]>) => decodeForm(grantPublishingInput, grantFields, form, {}, adapt);
    expect(grant({ 'areaCodes.1': 'E07000234', functions: ['convening', 'advocacy'] }).value).toEqual({
      areaCodes: ['E07000234'],
      functions: ['convening', 'advocacy'],
    });
    expect(grant({}).value).toEqual({ areaCodes: [], functions: [] });
    expect(grant({ 'areaCodes.0': 'E07000234', 'areaCodes.2': 'E07000234' }).errors).toEqual([
      { field: 'areaCodes', message: 'Areas: must name each place once' },
    ]);
  });
});
