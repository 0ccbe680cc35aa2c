import type { InfrastructureFunction } from '../../shared/publishing/settings';
import type { DemoFunders, PoolDemoResult } from './demo-pools';
import type { DemoRun } from './example';

/**
 * Each contributing funder's 360Giving publisher prefix, as 360Giving would register it (fictional
 * names in the standard's form: "360G-", then the publisher's short name).
 */
const PREFIXES: Record<Exclude<keyof DemoFunders, 'communityFoundation'>, string> = {
  county: '360G-wyvernshirecc',
  district: '360G-eastbrookdc',
  icb: '360G-wyvernicb',
  harbourside: '360G-harbourside',
  millbank: '360G-millbanktrust',
};

/**
 * Fictional Wyvernshire stands for Worcestershire (the wyvern is its emblem), so its places are
 * Worcestershire's, by their ONS GSS codes from the shipped list (shared/platform/places).
 */
const WORCESTERSHIRE = 'E10000034';

/** Where each grant benefits and the functions of local infrastructure it pays for, set by the funder who proposed it. */
type GrantDetails = { by: keyof DemoFunders; areaCodes: string[]; functions: InfrastructureFunction[] };
const GRANT_DETAILS: Record<keyof PoolDemoResult['grants'], GrantDetails> = {
  // "Small groups in the north of the county": Wyre Forest, Bromsgrove and Redditch.
  wva: {
    by: 'county',
    areaCodes: ['E07000239', 'E07000234', 'E07000236'],
    functions: ['facilitating-funding', 'organisational-development', 'convening'],
  },
  // The south lot: Wychavon and Malvern Hills.
  volunteerCentre: { by: 'icb', areaCodes: ['E07000238', 'E07000235'], functions: ['volunteering-and-participation'] },
  // The consortium's own place only (the feed always names it): no district of its own.
  coastal: { by: 'harbourside', areaCodes: [], functions: ['advocacy', 'convening'] },
};

/**
 * The lead publishes the Wyvernshire consortium's open data, as its grants officers would from
 * the pages: each contributing funder's admin sets its 360Giving prefix, the funders give the
 * grants their areas and functions, then the lead chooses the licence, the place, the purpose and
 * what is public, and publishes (refused, 409, until the self-check passes). Returns the
 * consortium's public page.
 */
export async function publishExample(run: DemoRun, consortiumId: string, pooled: PoolDemoResult): Promise<string> {
  const { api, f, runtime, progress } = run;
  progress('the consortium publishes its open data: 360Giving prefixes, grants’ areas and functions, then Publish…');
  for (const [role, prefix] of Object.entries(PREFIXES) as [keyof typeof PREFIXES, string][]) {
    await api.call(f[role].admin, 'PUT', `/organisations/${f[role].org.id}/giving360-prefix`, { prefix });
  }
  for (const [grant, { by, ...details }] of Object.entries(GRANT_DETAILS) as [keyof PoolDemoResult['grants'], GrantDetails][]) {
    await api.call(f[by].admin, 'PUT', `/grants/${pooled.grants[grant].id}/publishing`, details);
  }
  await api.call(f.county.admin, 'PUT', `/consortia/${consortiumId}/publishing`, {
    licence: 'cc-by-4.0',
    placeCode: WORCESTERSHIRE,
    show: { grants: true, tenders: true, successRates: true, decisions: true },
    purpose:
      'Core funding for the organisations that support Wyvernshire’s voluntary and community groups: funding advice, governance, volunteering, convening and a voice.',
    published: true,
  });
  await runtime.settle();
  return `${runtime.apiUrl}/open/${consortiumId}`;
}

/**
 * Checks what anyone can see without signing in, once the stream has rebuilt it: the public page,
 * the 360Giving file with grants in it, and (with a published tender) the OCDS releases.
 */
export async function checkOpenData({ runtime, check }: DemoRun, consortiumId: string, o: { tender: boolean }): Promise<void> {
  await runtime.settle();
  const base = `${runtime.apiUrl}/open/${consortiumId}`;
  const page = await fetch(base);
  check('the consortium’s public page answers 200', page.status === 200, String(page.status));
  const giving = await fetch(`${base}/360giving.json`);
  const grants = giving.ok ? (((await giving.json()) as { grants?: unknown[] }).grants?.length ?? 0) : 0;
  check('its 360Giving feed answers 200 with grants', giving.status === 200 && grants > 0, `${giving.status}, ${grants} grants`);
  if (!o.tender) return;
  const ocds = await fetch(`${base}/ocds/releases`);
  const releases = ocds.ok ? (((await ocds.json()) as { releases?: unknown[] }).releases?.length ?? 0) : 0;
  check(
    'its OCDS releases answer 200 with the tender’s releases',
    ocds.status === 200 && releases > 0,
    `${ocds.status}, ${releases} releases`,
  );
}
