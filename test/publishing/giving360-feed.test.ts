import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { amend, changeStatus } from '../../shared/grants/amendments';
import { releaseTranche } from '../../shared/grants/tranches';
import { qualityCheck } from '../../shared/pools/giving360-quality';
import { recordContribution } from '../../shared/pools/pools';
import { build360Package, type Giving360Grant, giving360Csv, missingPrefixes } from '../../shared/publishing/giving360-feed';
import { validate360 } from '../support/giving360';
import { root } from '../support/stack';
import { AREAS, PLACE, PREFIXES, world } from './giving360-world';

const schemas = join(root, '..', 'shared', 'schemas', '360giving');
/** The 360Giving geoCodeType codelist: each entity code (the end of its documentation URL, E10) and its code (CTY). */
const geoCodeType = new Map(
  (parse(readFileSync(join(schemas, 'codelists', 'geoCodeType.csv'), 'utf8'), { columns: true }) as Record<string, string>[]).map((r) => [
    (r['Documentation (URL)'] as string).split('/').at(-1) as string,
    r.Code as string,
  ]),
);
const regrantCodes = (
  parse(readFileSync(join(schemas, 'codelists', 'regrantType.csv'), 'utf8'), { columns: true }) as Record<string, string>[]
).map((r) => [r.Code, r.Title]);

const isContribution = (g: Giving360Grant) => g.regrantType === 'FRG040';
const ids = (gs: Giving360Grant[]) => gs.map((g) => g.id);

describe('the consortium’s 360Giving package', () => {
  it('validates, every id starts with its funder’s prefix, each other funder’s pledge is one FRG040 grant to the host', async () => {
    const w = await world();
    const pkg = await w.pkg();
    expect(validate360(pkg)).toEqual([]);
    // FRG040 is "Funder collaboration" in the codelist the schema ships.
    expect(regrantCodes).toContainEqual(['FRG040', 'Funder collaboration']);

    // A funder's prefix, worked out here: the org whose identifier is the record's first funder.
    const prefixById = new Map(w.funders.map((f, i) => [f.org.identifier, PREFIXES[i]]));
    for (const g of pkg.grants) expect(g.id.startsWith(`${prefixById.get(g.fundingOrganization[0]?.id as string)}-`)).toBe(true);

    const contributions = pkg.grants.filter(isContribution);
    const [lead, member, third] = w.funders;
    expect(contributions.map((g) => [g.id, g.amountAwarded, g.amountDisbursed, g.fundingOrganization[0]?.id])).toEqual([
      [`360G-harbourside-contribution-${w.pledges.member.id}`, 30_000, 30_000, member.org.identifier],
      [`360G-millbank-contribution-${w.pledges.third.id}`, 30_000, 15_000, third.org.identifier],
    ]);
    // The host's own pledge is no grant: it cannot grant to itself.
    expect(pkg.grants.filter((g) => g.id.includes(w.pledges.host.id))).toEqual([]);
    for (const g of contributions) {
      expect(g.recipientOrganization).toEqual([
        { id: lead.org.identifier, name: lead.org.name, charityNumber: lead.org.identifier.slice(7) },
      ]);
      expect(g.grantProgramme).toEqual([{ code: w.pool.id, title: 'Wyvern Fund' }]);
      expect(g.awardDate).toBe('2026-04-01');
    }
    // Both years of the third funder's pledge: April 2026 to March 2028.
    expect(contributions[1]?.plannedDates).toEqual([{ startDate: '2026-04-01', endDate: '2028-03-31', duration: 24 }]);
    expect(pkg).toMatchObject({
      version: '1.4',
      license: 'https://creativecommons.org/licenses/by/4.0/',
      publisher: { name: w.c.name },
      downloadURL: `https://grantloop.test/open/${w.c.id}/360giving.json`,
      accessURL: `https://grantloop.test/open/${w.c.id}`,
      issued: '2026-04-01',
    });
  });

  it('the pool’s grants sum to what it committed, name every funder (host first) and link the contributions they drew on', async () => {
    const w = await world();
    const pkg = await w.pkg();
    const fromPool = pkg.grants.filter((g) => !isContribution(g));
    expect(ids(fromPool)).toEqual(['A', 'B', 'C', 'R', 'D'].map((k) => `360G-wyvernshire-${w.grants[k.toLowerCase() as 'a'].id}`));
    const committed = (await w.poolNow()).committed;
    expect(committed).toBe(1_200_000 + 800_000 + 300_000 + 500_000 + 600_000);
    expect(Math.round(fromPool.reduce((a, g) => a + g.amountAwarded * 100, 0))).toBe(committed);

    const a = fromPool[0] as Giving360Grant;
    const shares = ((await w.d.pools.getGrant(w.grants.a.id))?.shares ?? []).filter((s) => s.funderOrgId !== w.funders[0].org.id);
    const byAmount = [...shares]
      .sort((x, y) => y.amount - x.amount)
      .map((s) => w.funders.find((f) => f.org.id === s.funderOrgId)?.org.identifier);
    expect(a.fundingOrganization.map((o) => o.id)).toEqual([w.funders[0].org.identifier, ...byAmount]);
    expect(a.fundingOrganization).toHaveLength(3);
    const frg = pkg.grants.filter(isContribution).map((g) => g.id);
    expect(a.relatedActivity).toEqual([...frg].sort());
    expect(a.regrantType).toBeUndefined();
    // From the round: the round is its programme.
    expect(fromPool[3]?.grantProgramme).toEqual([{ code: w.round.id, title: 'Wyvern Fund: Spring round' }]);
    expect(a.grantProgramme).toEqual([{ code: w.pool.id, title: 'Wyvern Fund' }]);
    expect(a.classifications.map((c) => [c.vocabulary, c.code, c.title])).toEqual([
      ['grantloop:local-infrastructure-function', 'convening', 'Local infrastructure: Convening'],
      ['grantloop:local-infrastructure-function', 'facilitating-funding', 'Local infrastructure: Facilitating funding'],
      ['grantloop:funding-arrangement', 'pooled-fund', `Pooled fund: 3 funders in the ${w.c.name} consortium`],
    ]);
  });

  it('names the consortium’s place and each grant’s areas with their GSS codes and codelist types', async () => {
    const w = await world();
    const pkg = await w.pkg();
    const a = pkg.grants.find((g) => g.id.endsWith(w.grants.a.id)) as Giving360Grant;
    expect(a.beneficiaryLocation).toEqual([
      { name: 'Cambridgeshire', geoCode: PLACE, geoCodeType: geoCodeType.get('E10'), countryCode: 'GB' },
      { name: 'Cambridge', geoCode: AREAS[0], geoCodeType: geoCodeType.get('E07'), countryCode: 'GB' },
      // The codelist has no type for ICBs (E54): the code alone.
      { name: 'NHS Cambridgeshire and Peterborough Integrated Care Board', geoCode: AREAS[1], countryCode: 'GB' },
    ]);
    expect(geoCodeType.get('E10')).toBe('CTY');
    for (const g of pkg.grants.filter((x) => x !== a)) expect(g.beneficiaryLocation.map((l) => l.geoCode)).toEqual([PLACE]);
  });

  it('is the same, byte for byte, however late it is built', async () => {
    const w = await world();
    const first = JSON.stringify(await w.pkg());
    w.sys.advanceDays(30);
    const later = await w.pkg();
    expect(JSON.stringify(later)).toBe(first);
    expect(giving360Csv(later)).toBe(giving360Csv(JSON.parse(first)));
  });
});

describe('corrections and withdrawals', () => {
  it('an amendment changes the record and its Last Modified; money received or paid moves it too', async () => {
    const w = await world();
    const before = await w.pkg();
    const record = (pkg: typeof before, id: string) => pkg.grants.find((g) => g.id.endsWith(id)) as Giving360Grant;
    w.sys.advanceDays(10);
    const amendedAt = w.sys.clock.now().toISOString();
    // An amount needs an unpaid tranche to carry it: D has a plan.
    await amend(w.d, w.funders[0].caller, w.grants.d.id, { kind: 'amount', amount: 700_000, currency: 'GBP', reason: 'More groups' });
    await amend(w.d, w.funders[0].caller, w.grants.a.id, {
      kind: 'dates',
      plannedStart: '2026-06-01',
      plannedEnd: '2027-03-31',
      reason: 'Later',
    });
    w.sys.advanceDays(1);
    const receivedAt = w.sys.clock.now().toISOString();
    await recordContribution(w.d, w.funders[0].caller, w.pool.id, w.pledges.third.id, {
      amount: 500_000,
      currency: 'GBP',
      receivedOn: '2026-04-13',
    });
    const after = await w.pkg();
    expect(validate360(after)).toEqual([]);
    expect(record(before, w.grants.d.id)).toMatchObject({ amountAwarded: 6_000, dateModified: w.grants.d.awardedAt });
    expect(record(after, w.grants.d.id)).toMatchObject({ amountAwarded: 7_000, dateModified: amendedAt });
    // The duration no longer matches the new dates, so only the dates are published.
    expect(record(after, w.grants.a.id)).toMatchObject({
      plannedDates: [{ startDate: '2026-06-01', endDate: '2027-03-31' }],
      dateModified: amendedAt,
    });
    expect(record(after, w.pledges.third.id)).toMatchObject({ amountDisbursed: 20_000, dateModified: receivedAt });
    expect(record(after, w.grants.c.id)).toEqual(record(before, w.grants.c.id));
    expect(after.modified).toBe(receivedAt);
    const fromPool = after.grants.filter((g) => !isContribution(g));
    expect(Math.round(fromPool.reduce((a, g) => a + g.amountAwarded * 100, 0))).toBe((await w.poolNow()).committed);
  });

  it('a grant ended before any payment leaves the file; one ended after a payment stays, showing what was paid', async () => {
    const w = await world();
    const lead = w.funders[0].caller;
    w.sys.advanceDays(3);
    const paidAt = w.sys.clock.now().toISOString();
    await releaseTranche(w.d, { grantId: w.grants.d.id, trancheSeq: 1 });
    w.sys.advanceDays(4);
    const endedAt = w.sys.clock.now().toISOString();
    await changeStatus(w.d, lead, w.grants.d.id, { status: 'terminated', reason: 'The project stopped' });
    const kept = (await w.pkg()).grants.find((g) => g.id.endsWith(w.grants.d.id));
    expect(kept).toMatchObject({ amountAwarded: 6_000, amountDisbursed: 3_000, dateModified: endedAt });
    expect(kept?.description).toContain('ended early on 9 April 2026, after £3,000.00 of £6,000.00 was paid');
    expect(paidAt < endedAt).toBe(true);

    w.sys.advanceDays(1);
    const withdrawnAt = w.sys.clock.now().toISOString();
    await changeStatus(w.d, lead, w.grants.c.id, { status: 'terminated', reason: 'The group closed before it started' });
    const pkg = await w.pkg();
    expect(pkg.grants.some((g) => g.id.endsWith(w.grants.c.id))).toBe(false);
    expect(pkg.modified).toBe(withdrawnAt);
    expect(validate360(pkg)).toEqual([]);
  });
});

describe('the CSV and the self-check', () => {
  it('has one row per grant under the standard’s column titles', async () => {
    const w = await world();
    const pkg = await w.pkg();
    const rows: Record<string, string>[] = parse(giving360Csv(pkg), { columns: true });
    const headers = Object.keys(rows[0] ?? {});
    expect(rows.map((r) => r.Identifier)).toEqual(ids(pkg.grants));
    expect(rows.map((r) => Number(r['Amount Awarded']))).toEqual(pkg.grants.map((g) => g.amountAwarded));
    for (const h of [
      'Title',
      'Recipient Org:Identifier',
      'Funding Org:0:Identifier',
      'Funding Org:2:Name',
      'For Regrant Type',
      'Last Modified',
    ])
      expect(headers).toContain(h);
    const a = rows.find((r) => r.Identifier?.endsWith(w.grants.a.id));
    expect(a?.['Beneficiary Location:2:Geographic Code']).toBe(AREAS[1]);
    expect(a?.['Related Activity']?.split(';')).toEqual(pkg.grants.find((g) => g.id.endsWith(w.grants.a.id))?.relatedActivity);
    // Every header names a field by the schema's own titles: each part (numbers aside) is a property's title.
    const schema = JSON.parse(readFileSync(join(schemas, '360-giving-schema.json'), 'utf8'));
    type Node = { title?: string; $ref?: string; items?: { $ref?: string }; properties?: Record<string, Node> };
    // A property's title may sit on the definition it refers to (currency: {$ref: '#/$defs/currency'}).
    const resolved = (p: Node): Node => (p.$ref ? { ...schema.$defs[p.$ref.split('/').at(-1) as string], ...p } : p);
    const titled = (node: Node, title: string) =>
      Object.values(node.properties ?? {})
        .map(resolved)
        .find((p) => p.title === title);
    for (const h of headers) {
      let node = schema;
      for (const part of h.split(':').filter((p) => !/^\d+$/.test(p))) {
        const prop = titled(node, part);
        expect(prop, `${h}: ${part}`).toBeDefined();
        const ref = prop?.items?.$ref?.split('/').at(-1);
        node = ref ? schema.$defs[ref] : prop;
      }
    }
  });

  it('360Giving’s offline checks find only what grantloop cannot know: recipients’ addresses, and several funders', async () => {
    const w = await world();
    const pkg = await w.pkg();
    const all = ids(pkg.grants);
    expect(qualityCheck(pkg, { now: w.sys.clock.now() }).map((f) => [f.rule, f.severity, f.grantIds])).toEqual([
      ['IncompleteRecipientOrg', 'warning', all],
      ['BeneficiaryButNotRecipientGeoData', 'warning', all],
      ['MoreThanOneFundingOrg', 'warning', all],
    ]);
  });

  it('a funder without a registered prefix is published under grantloop’s, and named for the self-check', async () => {
    const w = await world();
    const src = await w.source();
    const host = w.funders[0].org;
    src.orgs.set(host.id, { ...host, giving360Prefix: undefined });
    const pkg = build360Package(src);
    expect(pkg.grants.filter((g) => !isContribution(g)).every((g) => g.id.startsWith('360G-grantloop-'))).toBe(true);
    expect(missingPrefixes(src).map((o) => o.id)).toEqual([host.id]);
  });
});
