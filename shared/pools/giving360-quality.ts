import { knownPrefixes } from '../consortia/org-identifier';

/**
 * 360Giving's own data-quality checks, the ones that need nothing but the package itself, run on
 * a package before it is published. Each rule carries the class name 360Giving gives it in
 * ThreeSixtyGiving/dataquality (commit 783b746f, May 2026), file
 * lib360dataquality/cove/threesixtygiving.py (TEST_CLASSES, line 1974: the checks the 360Giving
 * Data Quality Tool runs) or lib360dataquality/check_field_present.py, and follows that check's
 * logic; the message is 360Giving's heading and advice in plain words for a grants officer.
 *
 * Severity: 360Giving's "critical" checks (TestImportance.CRITICAL) are errors, the rest warnings.
 * One exception: MoreThanOneFundingOrg is critical for 360Giving but its own advice is to ignore
 * it when a file publishes for several funders, which a pooled fund always does: a warning here.
 */
export type QualityFinding = { rule: string; severity: 'error' | 'warning'; grantIds: string[]; message: string };

type Json = Record<string, unknown>;
type Org = { id?: unknown; name?: unknown; postalCode?: unknown; location?: unknown; charityNumber?: unknown; companyNumber?: unknown };

const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.map(obj) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const orgs = (g: Json, field: 'recipientOrganization' | 'fundingOrganization'): Org[] => list(g[field]);
const orgIds = (g: Json) => [...orgs(g, 'fundingOrganization'), ...orgs(g, 'recipientOrganization')].map((o) => str(o.id));
const isIndividualGrant = (g: Json) => 'recipientIndividual' in g;

// get_prefixes / RecipientOrgUnrecognisedPrefix (threesixtygiving.py 451, 625): the org-id.guide
// codes plus "360G", matched case-insensitively at the start. 360Giving downloads the list from
// org-id.guide; offline we use the registers grantloop accepts (consortia/org-identifier.ts).
const recognisedPrefixes = [...knownPrefixes, '360G'].map((p) => p.toLowerCase());
const recognised = (id: string) => recognisedPrefixes.some((p) => id.toLowerCase().startsWith(p));

// check_charity_number / check_company_number (threesixtygiving.py 470, 487).
const charityNumberOk = (n: string) => /^[+-]?\d+$/.test(n.trim()) && (n.length === 6 || n.length === 7);
const companyNumberOk = (n: string) => /^\w{8}$/.test(n);

/** convert_string_date_to_datetime (line 2028): the date before any "T", read as %Y-%m-%d. */
type ReadDate = { date?: Date; impossible: boolean };
function readDate(value: unknown): ReadDate | undefined {
  const raw = str(value);
  if (!raw) return undefined;
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw.split('T')[0] as string);
  if (!m) return { impossible: false }; // "does not match format": the schema's business, not this check's
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return { impossible: false };
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCDate() === d ? { date, impossible: false } : { impossible: true }; // "day is out of range for month"
}

/** create_grant_dates_dict (line 2050): the award date and the first planned and actual dates. */
function grantDates(g: Json) {
  const planned = list(g.plannedDates)[0] ?? {};
  const actual = list(g.actualDates)[0] ?? {};
  return {
    award: readDate(g.awardDate),
    plannedStart: readDate(planned.startDate),
    plannedEnd: readDate(planned.endDate),
    actualStart: readDate(actual.startDate),
    actualEnd: readDate(actual.endDate),
  };
}

const yearsFrom = (now: Date, years: number) => {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
};
const after = (a?: ReadDate, b?: ReadDate) => !!(a?.date && b?.date && a.date > b.date);

type Rule = { rule: string; severity: 'error' | 'warning'; message: string; fails: (g: Json, now: Date) => boolean };

const LOCATION_GUIDE = 'See 360Giving’s guidance on location data.';

/** Checks of one grant at a time, in the order of TEST_CLASSES (quality, then usefulness). */
const grantRules: Rule[] = [
  {
    rule: 'ZeroAmountTest', // line 506
    severity: 'error',
    message:
      'Grants with a value of £0. It is unusual to publish a £0 grant: check it should be included, or explain the £0 in its description.',
    fails: (g) => g.amountAwarded === 0,
  },
  {
    rule: 'FundingOrgUnrecognisedPrefix', // line 674
    severity: 'warning',
    message:
      'A funder’s organisation identifier does not come from a recognised register (org-id.guide), such as GB-CHC for charities or GB-COH for companies.',
    fails: (g) => orgs(g, 'fundingOrganization').some((o) => typeof o.id === 'string' && !recognised(o.id)),
  },
  {
    rule: 'RecipientOrgUnrecognisedPrefix', // line 625
    severity: 'warning',
    message:
      'A recipient’s organisation identifier does not come from a recognised register (org-id.guide), such as GB-CHC for charities or GB-COH for companies.',
    fails: (g) => orgs(g, 'recipientOrganization').some((o) => typeof o.id === 'string' && !recognised(o.id)),
  },
  {
    rule: 'RecipientOrgCharityNumber', // line 719: two leading letters are dropped, then 6 or 7 digits
    severity: 'warning',
    message:
      'A recipient’s charity number does not look like a UK charity number (missing or extra digits, or text). Check it on FindThatCharity.',
    fails: (g) =>
      orgs(g, 'recipientOrganization').some((o) => {
        if (o.charityNumber === undefined) return false;
        const n = String(o.charityNumber);
        return !charityNumberOk(/^[A-Za-z]{2}/.test(n) ? n.slice(2) : n);
      }),
  },
  {
    rule: 'RecipientOrgCompanyNumber', // line 777
    severity: 'warning',
    message:
      'A recipient’s company number does not look like a company number: UK company numbers have 8 characters, such as 09876543 or SC123459.',
    fails: (g) => orgs(g, 'recipientOrganization').some((o) => o.companyNumber !== undefined && !companyNumberOk(String(o.companyNumber))),
  },
  {
    rule: 'OrganizationIdLooksInvalid', // line 1217: GB-CHC- and GB-COH- identifiers only
    severity: 'warning',
    message:
      'A funder or recipient identifier might not be valid for its register: a GB-CHC identifier without a valid charity number, or a GB-COH one without a valid company number.',
    fails: (g) =>
      orgIds(g).some((id) => {
        const upper = id.toUpperCase();
        if (upper.startsWith('GB-CHC-')) return !charityNumberOk(id.slice(7));
        if (upper.startsWith('GB-COH-')) return !companyNumberOk(id.slice(7));
        return false;
      }),
  },
  {
    rule: 'OrganizationIdUnexpectedChars', // line 1174
    severity: 'error',
    message:
      'A funder or recipient identifier contains a line break. 360Giving’s tools break on it, and GrantNav would not show the grant.',
    fails: (g) => orgIds(g).some((id) => id.includes('\n')),
  },
  {
    rule: 'GrantIdUnexpectedChars', // line 1139
    severity: 'error',
    message: 'The grant identifier contains a line break. 360Giving’s tools break on it, and GrantNav would not show the grant.',
    fails: (g) => str(g.id).includes('\n'),
  },
  {
    rule: 'LooksLikeEmail', // line 983: any text except in a field whose path names "email"
    severity: 'error',
    message:
      'The grant contains something that looks like an email address. If it is a person’s, it is personal data: remove it before publishing unless they have agreed.',
    fails: (g) => textValues(g, '').some(([path, v]) => !path.includes('email') && /[\w.-]+@[\w.-]+\.[\w.-]+/.test(v)),
  },
  {
    rule: 'ImpossibleDates', // line 1333
    severity: 'error',
    message: 'A date that does not exist, such as 31 September or 29 February in a year that is not a leap year; usually a typing slip.',
    fails: (g) => Object.values(grantDates(g)).some((d) => d?.impossible),
  },
  {
    rule: 'PlannedStartDateBeforeEndDate', // line 1392: fires when the planned start is after the planned end
    severity: 'warning',
    message: 'The planned start date is after the planned end date. The two may have been swapped, or one mistyped.',
    fails: (g) => after(grantDates(g).plannedStart, grantDates(g).plannedEnd),
  },
  {
    rule: 'ActualStartDateBeforeEndDate', // line 1432: fires when the actual start is after the actual end
    severity: 'warning',
    message: 'The actual start date is after the actual end date. The two may have been swapped, or one mistyped.',
    fails: (g) => after(grantDates(g).actualStart, grantDates(g).actualEnd),
  },
  {
    rule: 'FarFuturePlannedDates', // line 1472
    severity: 'warning',
    message: 'Planned dates more than 12 years in the future. Fine for very long activities; otherwise check for a typing slip.',
    fails: (g, now) => [grantDates(g).plannedStart, grantDates(g).plannedEnd].some((d) => d?.date && d.date > yearsFrom(now, 12)),
  },
  {
    rule: 'FarFutureActualDates', // line 1514
    severity: 'warning',
    message: 'Actual dates more than 5 years in the future. Check for a typing slip.',
    fails: (g, now) => [grantDates(g).actualStart, grantDates(g).actualEnd].some((d) => d?.date && d.date > yearsFrom(now, 5)),
  },
  {
    rule: 'FarPastDates', // line 1556
    severity: 'warning',
    message: 'Dates more than 25 years ago. Fine for old grants; otherwise check for a typing slip.',
    fails: (g, now) => Object.values(grantDates(g)).some((d) => d?.date && d.date < yearsFrom(now, -25)),
  },
  {
    rule: 'PostDatedAwardDates', // line 1607
    severity: 'error',
    message:
      'An award date in the future. The award date is when the decision was made, so it should be in the past: a typing slip, or a grant not yet committed.',
    fails: (g, now) => !!grantDates(g).award?.date && (grantDates(g).award?.date as Date) > now,
  },
];

const recipients = (g: Json) => (isIndividualGrant(g) ? [] : orgs(g, 'recipientOrganization'));
const locations = (g: Json) => list(g.beneficiaryLocation);
const firstRecipient = (g: Json) => orgs(g, 'recipientOrganization')[0] ?? {};
const warn = (rule: string, message: string, fails: Rule['fails']): Rule => ({ rule, severity: 'warning', message, fails });

/** The "usefulness" checks (TEST_CLASSES, line 1999) on organisations and their locations. */
const usefulOrgRules: Rule[] = [
  warn(
    'RecipientOrg360GPrefix', // line 545
    'A recipient identifier starts “360G-”. Use the recipient’s charity or company number (or another official reference) when it has one; 360G- is for groups with none.',
    (g) => recipients(g).some((o) => str(o.id).toLowerCase().startsWith('360g')),
  ),
  warn(
    'FundingOrg360GPrefix', // line 589
    'A funder identifier starts “360G-”. Use the funder’s official reference, such as its charity or company number, whenever it has one.',
    (g) => orgs(g, 'fundingOrganization').some((o) => str(o.id).toLowerCase().startsWith('360g')),
  ),
  warn(
    'NoRecipientOrgCompanyCharityNumber', // line 833
    'The recipient has neither a company number nor a charity number. Ignore this if the recipient has neither.',
    (g) => recipients(g).some((o) => !o.companyNumber && !o.charityNumber),
  ),
  warn(
    'IncompleteRecipientOrg', // line 883
    `The recipient has no location: neither a postcode nor a geographic code. ${LOCATION_GUIDE}`,
    (g) => recipients(g).some((o) => !o.postalCode && !list(o.location).some((l) => l.geoCode)),
  ),
];

/** The "usefulness" checks on recommended fields (TEST_CLASSES, line 1999; check_field_present.py). */
const usefulGrantRules: Rule[] = [
  warn(
    'NoGrantProgramme', // line 1025
    'The grant names no grant programme. Programme names help people see a funder’s different kinds of funding.',
    (g) => !list(g.grantProgramme).length,
  ),
  warn(
    'NoBeneficiaryLocation', // line 1057
    `The grant says nothing about where its beneficiaries are. Place names with geographic codes show which places the funding reaches. ${LOCATION_GUIDE}`,
    (g) => !list(g.beneficiaryLocation).length,
  ),
  warn(
    'TitleDescriptionSame', // line 1088
    'The title and the description are the same. A fuller description tells people more about the grant.',
    (g) => !!str(g.title) && str(g.title) === str(g.description),
  ),
  warn(
    'TitleLength', // line 1114
    'The title is longer than 140 characters; a shorter one lets people quickly see what the grant is for.',
    (g) => str(g.title).length > 140,
  ),
  warn(
    'NoLastModified', // line 1270
    'The grant has no Last Modified date, which lets people see when its record changed.',
    (g) => !g.dateModified,
  ),
  warn(
    'NoDataSource', // line 1300
    'The grant has no Data Source: a web link to where the data comes from, such as the original file or the publisher’s website.',
    (g) => !g.dataSource,
  ),
  warn(
    'PlannedDurationNotPresent', // check_field_present.py line 91
    'The grant has neither a planned duration nor planned start and end dates, so short and long grants cannot be told apart.',
    (g) => {
      const p = list(g.plannedDates)[0];
      return !p || !((p.duration !== undefined && p.duration !== null) || (p.startDate && p.endDate));
    },
  ),
  warn(
    'BeneficiaryLocationNameButNoCode', // line 1938
    `A beneficiary location has a name but no geographic code (such as an ONS GSS code), so it cannot be mapped or linked to official statistics. ${LOCATION_GUIDE}`,
    (g) => locations(g).some((l) => l.name && !l.geoCode),
  ),
  warn(
    'BeneficiaryButNotRecipientGeoData', // line 1855
    `There is beneficiary location data but no location for the recipient organisation (a postcode or geographic code). ${LOCATION_GUIDE}`,
    (g) => !isIndividualGrant(g) && locations(g).length > 0 && !firstRecipient(g).postalCode && !list(firstRecipient(g).location).length,
  ),
  warn(
    'RecipientGeoDataButNoBeneficiary', // line 1898
    `There is a location for the recipient organisation but no beneficiary location, which would show the places the funding reaches. ${LOCATION_GUIDE}`,
    (g) => !isIndividualGrant(g) && list(firstRecipient(g).location).length > 0 && locations(g).length === 0,
  ),
  warn(
    'ClassificationNotPresent', // check_field_present.py line 59
    'The grant has no classification (its first classification has no title), which helps people find grants on a theme.',
    (g) => !str(list(g.classifications)[0]?.title),
  ),
];

/** flatten_dict (line 492): every text value with its path, such as /recipientOrganization/0/name. */
function textValues(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => textValues(v, `${path}/${i}`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => textValues(v, `${path}/${k}`));
  return [];
}

/**
 * The checks across the whole file: MoreThanOneFundingOrg (line 936), MultiFundingOrgIdsForName
 * (line 1759) and MultiFundingNamesForOrgId (line 1807). The name and identifier checks name the
 * grants where a second identifier (or name) first appears, as 360Giving does.
 */
function fileRules(grants: Json[]): QualityFinding[] {
  const funderIds = new Set<string>();
  const idForName = new Map<string, string>();
  const nameForId = new Map<string, string>();
  const newIdForName = new Set<string>();
  const newNameForId = new Set<string>();
  for (const g of grants) {
    for (const o of orgs(g, 'fundingOrganization')) {
      const [id, name] = [str(o.id), str(o.name)];
      if (id) funderIds.add(id);
      if ((idForName.get(name) ?? id) !== id) newIdForName.add(str(g.id));
      if ((nameForId.get(id) ?? name) !== name) newNameForId.add(str(g.id));
      if (!idForName.has(name)) idForName.set(name, id);
      if (!nameForId.has(id)) nameForId.set(id, name);
    }
  }
  const warning = (rule: string, grantIds: string[], message: string): QualityFinding[] =>
    grantIds.length ? [{ rule, severity: 'warning', grantIds, message }] : [];
  const withFunders = grants.filter((g) => orgs(g, 'fundingOrganization').length > 0).map((g) => str(g.id));
  const sameFunder = 'Each funder should have one name and one identifier.';
  return [
    ...warning(
      'MoreThanOneFundingOrg',
      funderIds.size > 1 ? withFunders : [],
      `${funderIds.size} different funder identifiers are listed. Expected for a pooled fund with several funders; otherwise check the funder identifiers.`,
    ),
    ...warning('MultiFundingOrgIdsForName', [...newIdForName], `One funder name appears with more than one identifier. ${sameFunder}`),
    ...warning('MultiFundingNamesForOrgId', [...newNameForId], `One funder identifier appears with more than one name. ${sameFunder}`),
  ];
}

/**
 * grantloop's own check, not one of 360Giving's: the standard asks grant identifiers to begin with
 * the publisher's registered 360G- prefix. Whether the prefix is registered cannot be known
 * offline; that it has the 360G- form can.
 */
const grantIdPrefix: Rule = {
  rule: 'grantloop:GrantIdWithout360GPrefix',
  severity: 'error',
  message: 'The grant identifier does not start with a 360Giving publisher prefix (“360G-” followed by the funder’s registered prefix).',
  fails: (g) => !str(g.id).startsWith('360G-'),
};

/**
 * Runs the offline checks on a 360Giving package and lists what fails, each with the grants it
 * fails on. `now` is the day the package would be published (the date checks are relative to it).
 */
export function qualityCheck(pkg: { grants: unknown[] }, options: { now?: Date } = {}): QualityFinding[] {
  const now = options.now ?? new Date();
  const grants = pkg.grants.map(obj);
  const perGrant = [...grantRules, ...usefulOrgRules, ...usefulGrantRules, grantIdPrefix].flatMap(({ fails, ...rule }) => {
    const grantIds = grants.filter((g) => fails(g, now)).map((g) => str(g.id));
    return grantIds.length ? [{ ...rule, grantIds }] : [];
  });
  return [...perGrant, ...fileRules(grants)];
}
