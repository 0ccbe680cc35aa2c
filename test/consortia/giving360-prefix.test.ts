import { describe, expect, it } from 'vitest';
import { prefixForm } from '../../functions/consortia/giving360-prefix-page';
import { giving360Prefix } from '../../functions/consortia/schemas';
import { decodeForm } from '../../functions/lib/web/form';
import { checkGiving360Prefix } from '../../shared/consortia/giving360-prefix';
import { addMember, setGiving360Prefix } from '../../shared/consortia/organisations';
import { systemWithFunders } from '../support/usecases';

/**
 * An organisation's 360Giving prefix (issue 28). The cases are the standard's own examples
 * (ThreeSixtyGiving/standard documentation/identifiers.md: "360G-indigotrust", "360G-Nominet",
 * "360G-xyztrust") and prefixes on 360Giving's registry ("360G-ABCT", "360G-RSMCT", "360G-EaST"),
 * against forms the guidance rules out (no 360G, a slash, a space, an empty name).
 */
describe("an organisation's 360Giving prefix", () => {
  it('takes 360G- and letters, numbers and single hyphens; keeps the case of the rest and writes 360G in capitals', () => {
    for (const ok of [
      '360G-indigotrust',
      '360G-Nominet',
      '360G-xyztrust',
      '360G-ABCT',
      '360G-RSMCT',
      '360G-EaST',
      '360G-Heritage-Lottery-Fund',
    ])
      expect(checkGiving360Prefix(ok)).toBe(ok);
    expect(checkGiving360Prefix(' 360g-wyvernshire ')).toBe('360G-wyvernshire');
    for (const bad of [
      'wyvernshire',
      '360G-',
      '360G',
      'GB-CHC-1234567',
      '360G-wyvern/shire',
      '360G-wyvern shire',
      '360G-wyvern-',
      '360G--x',
      '360Gwyvern',
      `360G-${'x'.repeat(60)}`,
    ])
      expect(() => checkGiving360Prefix(bad), bad).toThrow(/must start with 360G- followed by letters, numbers and hyphens/);
  });

  it('an admin of the organisation or a platform admin sets it, with its event; an officer, another organisation and a bad prefix are refused', async () => {
    const { sys, admin, funders } = await systemWithFunders(2);
    const [wyvern, harbour] = funders;
    await expect(setGiving360Prefix(sys.deps, wyvern.caller, wyvern.org.id, { prefix: '360G-wyvernshire' })).resolves.toEqual({
      orgId: wyvern.org.id,
      giving360Prefix: '360G-wyvernshire',
    });
    expect(await sys.deps.consortia.getOrganisation(wyvern.org.id)).toMatchObject({ giving360Prefix: '360G-wyvernshire' });
    sys.advanceDays(1);
    await setGiving360Prefix(sys.deps, admin, wyvern.org.id, { prefix: '360G-WCC' });
    const events = (await sys.deps.platform.listEvents(`organisation#${wyvern.org.id}`)).filter(
      (e) => e.type === 'organisation.prefix-set',
    );
    expect(events.map((e) => e.data)).toEqual([
      { orgId: wyvern.org.id, prefix: '360G-wyvernshire' },
      { orgId: wyvern.org.id, prefix: '360G-WCC', previous: '360G-wyvernshire' },
    ]);
    // The same prefix again writes nothing.
    await setGiving360Prefix(sys.deps, admin, wyvern.org.id, { prefix: '360G-WCC' });
    expect(await sys.deps.platform.listEvents(`organisation#${wyvern.org.id}`)).toHaveLength(events.length + 2);

    await expect(setGiving360Prefix(sys.deps, harbour.caller, wyvern.org.id, { prefix: '360G-harbour' })).rejects.toMatchObject({
      kind: 'forbidden',
    });
    const { user } = await addMember(sys.deps, admin, wyvern.org.id, {
      email: 'officer@wyvern.test',
      name: 'Olu Officer',
      role: 'officer',
    });
    const officer = await sys.callerOf(user);
    await expect(setGiving360Prefix(sys.deps, officer, wyvern.org.id, { prefix: '360G-x' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(setGiving360Prefix(sys.deps, wyvern.caller, wyvern.org.id, { prefix: 'GB-CHC-1234567' })).rejects.toMatchObject({
      kind: 'validation',
      issues: [{ field: 'prefix', rule: 'giving360-prefix', message: expect.stringContaining('must start with 360G-') }],
    });
    expect(await sys.deps.consortia.getOrganisation(wyvern.org.id)).toMatchObject({ giving360Prefix: '360G-WCC' });
  });

  it('the page and the API read it through one schema: a bad prefix is named by the label, in plain English', () => {
    expect(giving360Prefix.safeParse({ prefix: '360G-ok' }).success).toBe(true);
    expect(decodeForm(prefixForm.schema, prefixForm.fields, { prefix: 'wyvernshire' }).errors).toEqual([
      {
        field: 'prefix',
        message: '360Giving prefix must start with 360G- followed by letters, numbers and hyphens, like 360G-wyvernshire',
      },
    ]);
    expect(decodeForm(prefixForm.schema, prefixForm.fields, { prefix: '' }).errors).toEqual([
      { field: 'prefix', message: 'Enter the 360Giving prefix' },
    ]);
    expect(decodeForm(prefixForm.schema, prefixForm.fields, { prefix: `360G-${'a'.repeat(60)}` }).errors).toEqual([
      { field: 'prefix', message: '360Giving prefix must be 60 characters or fewer' },
    ]);
  });
});
