import { describe, expect, it } from 'vitest';
import { allocateDirect } from '../../shared/pools/awards';
import { export360Giving } from '../../shared/pools/giving360';
import { qualityCheck } from '../../shared/pools/giving360-quality';
import { memoryPool } from '../support/memory-grant';

// Rule names are the class names in ThreeSixtyGiving/dataquality (commit 783b746f):
// lib360dataquality/cove/threesixtygiving.py (TEST_CLASSES) and lib360dataquality/check_field_present.py.
const NOW = new Date('2026-12-05T12:00:00Z');

type G = Record<string, unknown>;

function cleanGrant(id = '360G-wyvern-001'): G {
  return {
    id,
    title: 'Support for small groups in Wyvernshire',
    description: 'Advice and training for volunteer-led groups in the county, for two years.',
    currency: 'GBP',
    amountAwarded: 6000,
    awardDate: '2026-04-01',
    plannedDates: [{ startDate: '2026-07-01', endDate: '2027-06-30', duration: 12 }],
    recipientOrganization: [{ id: 'GB-CHC-1123456', name: 'Wyvern Voluntary Action', charityNumber: '1123456', postalCode: 'WY1 2AB' }],
    fundingOrganization: [{ id: 'GB-COH-01234567', name: 'Harbourside Trust' }],
    grantProgramme: [{ code: 'grants-fund', title: 'Grants Fund' }],
    beneficiaryLocation: [{ name: 'Wyvernshire', geoCode: 'E10000099', geoCodeType: 'CTY', countryCode: 'GB' }],
    classifications: [{ vocabulary: 'grantloop:functions', code: 'capacity', title: 'Capacity building' }],
    dataSource: 'https://example.org/wyvern/360giving.json',
    dateModified: '2026-04-01T09:00:00.000Z',
  };
}

const found = (grants: G[]) => qualityCheck({ grants }, { now: NOW }).map((f) => [f.rule, f.grantIds]);
/** Sets the first planned or actual dates. */
const dated = (kind: 'plannedDates' | 'actualDates', startDate: string, endDate: string) => (g: G) =>
  Object.assign(g, { [kind]: [{ startDate, endDate }] });
const recipient = (g: G) => (g.recipientOrganization as G[])[0] as G;
const funder = (g: G) => (g.fundingOrganization as G[])[0] as G;
const ID = '360G-wyvern-001';

describe("360Giving's offline quality checks", () => {
  it('find nothing in a complete, plausible package', () => {
    expect(found([cleanGrant(), cleanGrant('360G-wyvern-002')])).toEqual([]);
  });

  // Each case breaks one rule; a few of 360Giving's rules always fire together (noted).
  const cases: [string, (g: G) => void, string[]][] = [
    ['£0 grant', (g) => Object.assign(g, { amountAwarded: 0 }), ['ZeroAmountTest']],
    ['funder from no register', (g) => Object.assign(funder(g), { id: 'XX-NOPE-1' }), ['FundingOrgUnrecognisedPrefix']],
    ['recipient from no register', (g) => Object.assign(recipient(g), { id: 'XX-NOPE-1' }), ['RecipientOrgUnrecognisedPrefix']],
    ['charity number of 5 digits', (g) => Object.assign(recipient(g), { charityNumber: '12345' }), ['RecipientOrgCharityNumber']],
    ['company number of 4 digits', (g) => Object.assign(recipient(g), { companyNumber: '1234' }), ['RecipientOrgCompanyNumber']],
    ['GB-CHC id with a bad number', (g) => Object.assign(recipient(g), { id: 'GB-CHC-12345' }), ['OrganizationIdLooksInvalid']],
    ['line break in a funder id', (g) => Object.assign(funder(g), { id: 'GB-GOV-D9\n' }), ['OrganizationIdUnexpectedChars']],
    ['line break in the grant id', (g) => Object.assign(g, { id: `${ID}\n` }), ['GrantIdUnexpectedChars']],
    ['an email address', (g) => Object.assign(g, { description: 'Ask jo.bloggs@example.org' }), ['LooksLikeEmail']],
    ['29 February 2026', (g) => Object.assign(g, { awardDate: '2026-02-29' }), ['ImpossibleDates']],
    ['planned dates reversed', dated('plannedDates', '2027-06-30', '2026-07-01'), ['PlannedStartDateBeforeEndDate']],
    ['actual dates reversed', dated('actualDates', '2026-09-01', '2026-08-01'), ['ActualStartDateBeforeEndDate']],
    ['planned end in 2040', dated('plannedDates', '2026-07-01', '2040-01-01'), ['FarFuturePlannedDates']],
    ['actual end in 2032', dated('actualDates', '2031-06-01', '2032-01-01'), ['FarFutureActualDates']],
    ['awarded in 2000', (g) => Object.assign(g, { awardDate: '2000-01-01' }), ['FarPastDates']],
    ['awarded next Christmas Eve', (g) => Object.assign(g, { awardDate: '2026-12-24' }), ['PostDatedAwardDates']],
    ['recipient id 360G-', (g) => Object.assign(recipient(g), { id: '360G-wyvern-group' }), ['RecipientOrg360GPrefix']],
    ['funder id 360G-', (g) => Object.assign(funder(g), { id: '360G-harbourside' }), ['FundingOrg360GPrefix']],
    ['no charity or company number', (g) => delete recipient(g).charityNumber, ['NoRecipientOrgCompanyCharityNumber']],
    // A recipient with no postcode and no location is also BeneficiaryButNotRecipientGeoData, in 360Giving's tool too.
    ['no recipient postcode', (g) => delete recipient(g).postalCode, ['IncompleteRecipientOrg', 'BeneficiaryButNotRecipientGeoData']],
    ['no grant programme', (g) => delete g.grantProgramme, ['NoGrantProgramme']],
    ['no beneficiary location', (g) => delete g.beneficiaryLocation, ['NoBeneficiaryLocation']],
    ['title as description', (g) => Object.assign(g, { description: g.title }), ['TitleDescriptionSame']],
    ['title of 141 characters', (g) => Object.assign(g, { title: 'x'.repeat(141) }), ['TitleLength']],
    ['no dateModified', (g) => delete g.dateModified, ['NoLastModified']],
    ['no dataSource', (g) => delete g.dataSource, ['NoDataSource']],
    [
      'start but no end or duration',
      (g) => Object.assign(g, { plannedDates: [{ startDate: '2026-07-01' }] }),
      ['PlannedDurationNotPresent'],
    ],
    [
      'beneficiary place without a code',
      (g) => Object.assign(g, { beneficiaryLocation: [{ name: 'Wyvernshire', countryCode: 'GB' }] }),
      ['BeneficiaryLocationNameButNoCode'],
    ],
    [
      'recipient located, beneficiaries not',
      (g) => {
        Object.assign(recipient(g), { location: [{ name: 'Wyvern', geoCode: 'E06000099' }] });
        delete g.beneficiaryLocation;
      },
      ['NoBeneficiaryLocation', 'RecipientGeoDataButNoBeneficiary'],
    ],
    ['no classification', (g) => delete g.classifications, ['ClassificationNotPresent']],
    ['grant id without 360G-', (g) => Object.assign(g, { id: 'wyvern-001' }), ['grantloop:GrantIdWithout360GPrefix']],
  ];
  it.each(cases)('fire on a grant with %s', (_, change, rules) => {
    const g = cleanGrant();
    change(g);
    expect(found([g])).toEqual(rules.map((rule) => [rule, [g.id]]));
  });

  it('across the file: several funders, or one funder with two ids or two names', () => {
    const other = cleanGrant('360G-wyvern-002');
    Object.assign(funder(other), { id: 'GB-CHC-1000001', name: 'Wyvernshire Community Foundation' });
    expect(found([cleanGrant(), other])).toEqual([['MoreThanOneFundingOrg', [ID, '360G-wyvern-002']]]);
    Object.assign(funder(other), { name: 'Harbourside Trust' });
    expect(found([cleanGrant(), other])).toEqual([
      ['MoreThanOneFundingOrg', [ID, '360G-wyvern-002']],
      ['MultiFundingOrgIdsForName', ['360G-wyvern-002']],
    ]);
    Object.assign(funder(other), { id: 'GB-COH-01234567', name: 'The Harbourside Trust' });
    expect(found([cleanGrant(), other])).toEqual([['MultiFundingNamesForOrgId', ['360G-wyvern-002']]]);
  });

  it("are errors where 360Giving calls them critical, warnings otherwise; several funders only warns (a pool's normal case)", () => {
    const g = cleanGrant();
    Object.assign(g, { amountAwarded: 0, awardDate: '2026-12-24' });
    delete g.grantProgramme;
    const other = cleanGrant('360G-wyvern-002');
    Object.assign(funder(other), { id: 'GB-CHC-1000001', name: 'Wyvernshire Community Foundation' });
    const severities = qualityCheck({ grants: [g, other] }, { now: NOW }).map((f) => [f.rule, f.severity]);
    expect(severities).toEqual([
      ['ZeroAmountTest', 'error'],
      ['PostDatedAwardDates', 'error'],
      ['NoGrantProgramme', 'warning'],
      ['MoreThanOneFundingOrg', 'warning'],
    ]);
  });

  it("on today's export of a pool: what the rest of issue 28 has to fix", async () => {
    const { sys, d, lead, recipient: provider, pool } = await memoryPool();
    const award = { recipientOrgId: provider.org.id, title: 'Community grant', amount: 600_000, currency: 'GBP', durationMonths: 12 };
    const g = await allocateDirect(d, lead.caller, pool.id, { ...award, plannedStart: '2026-07-01' });
    const pkg = await export360Giving(sys.deps, lead.caller, pool.id);
    const id = `360G-grantloop-${g.id}`;
    expect(qualityCheck(pkg, { now: new Date('2026-04-02T12:00:00Z') }).map((f) => [f.rule, f.grantIds])).toEqual([
      ['NoRecipientOrgCompanyCharityNumber', [id]], // the recipient's GB-CHC number is not repeated as charityNumber
      ['IncompleteRecipientOrg', [id]], // no postcode or geographic code for the recipient
      ['TitleDescriptionSame', [id]], // no description, so the title stands in for it
      ['NoDataSource', [id]], // no link to where the feed lives
      ['BeneficiaryLocationNameButNoCode', [id]], // the consortium's place has a name but no GSS code
      ['BeneficiaryButNotRecipientGeoData', [id]],
    ]);
  });
});
