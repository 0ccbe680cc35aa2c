import { beforeAll, describe, expect, it } from 'vitest';
import type { SeededFunder } from '../../infra/local/scenario';
import { londonDate } from '../../shared/platform/london-time';
import { addProvider, WVA } from '../support/consortia';
import { validate360 } from '../support/giving360';
import { ocdsValidators, offCodelist } from '../support/ocds';
import type { TestStack } from '../support/stack';
import { bid, fundedConsortium, linkTo, publishedTender, tenderBody } from '../support/tender';
import { useTestStack } from '../support/use-stack';

/**
 * Issue 28 end to end on the real engines: a consortium's public page and feeds at stable URLs,
 * nothing until the lead publishes (and not before the self-check passes), rebuilt by the event
 * stream after each change, answered 304 while unchanged, no bid before the deadline at any feed
 * URL, and nothing of one consortium in another's.
 */
const { stack, funders } = useTestStack({ seed: true });
const MARKER = 'Bid-content-marker-9021';
const EACH = 1_000_000;

type Json = Record<string, unknown> & { grants?: Record<string, unknown>[] };
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${stack.runtime.apiUrl}${path}`, { headers });
const json = async (path: string) => (await (await get(path)).json()) as Json;

/** Every document a consortium serves: the page, both 360Giving files, and every OCDS page (followed through links.next). */
async function everyDocument(consortiumId: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const rest of ['', '/360giving.json', '/360giving.csv']) {
    const res = await get(`/open/${consortiumId}${rest}`);
    out.set(rest || '/', `${res.status} ${await res.text()}`);
  }
  for (const list of ['releases', 'records']) {
    for (let page = 1; page < 50; page++) {
      const res = await get(`/open/${consortiumId}/ocds/${list}?page=${page}`);
      const text = await res.text();
      out.set(`/ocds/${list}?page=${page}`, `${res.status} ${text}`);
      if (res.status !== 200 || !(JSON.parse(text) as { links?: { next?: string } }).links?.next) break;
    }
  }
  return out;
}

const publish = (s: TestStack, lead: SeededFunder, consortiumId: string) =>
  s.request('PUT', `/consortia/${consortiumId}/publishing`, {
    as: lead.admin,
    body: {
      licence: 'cc-by-4.0',
      placeCode: 'E10000034',
      show: { grants: true, tenders: true, successRates: true, decisions: true },
      purpose: 'Support for the voluntary sector across Wyvernshire.',
      published: true,
    },
  });

let consortiumId: string;
let poolId: string;
let grantId: string;
let lead: SeededFunder;
let firstPublishedAt: string;

beforeAll(async () => {
  const setup = await fundedConsortium(stack, funders, 'Open Fund', EACH);
  ({ lead } = setup);
  consortiumId = setup.consortium.id;
  poolId = setup.pool.id;
  const provider = await addProvider(stack, WVA);
  grantId = (
    await stack.api.call<{ id: string }>(lead.admin, 'POST', `/pools/${poolId}/allocations`, {
      recipientOrgId: provider.id,
      title: 'Wyvern Voluntary Action core costs',
      amount: 2_000_000,
      currency: 'GBP',
      durationMonths: 12,
      plannedStart: '2026-05-01',
    })
  ).id;
  await stack.runtime.settle();
});

describe('a consortium’s open data', () => {
  it('is not public until the lead publishes, and publishing waits for every funder’s 360Giving prefix', async () => {
    expect((await get(`/open/${consortiumId}`)).status).toBe(404);
    expect((await get(`/open/${consortiumId}/360giving.json`)).status).toBe(404);
    const refused = await publish(stack, lead, consortiumId);
    expect(refused.status).toBe(409);
    // The host and the four other funders who pledged have no prefix yet: each is named.
    for (const f of funders.slice(0, 5)) expect(refused.body.message).toContain(f.org.name);
    for (const [i, f] of funders.slice(0, 5).entries()) {
      const res = await stack.request('PUT', `/organisations/${f.org.id}/giving360-prefix`, {
        as: f.admin,
        body: { prefix: `360G-funder${i + 1}` },
      });
      expect(res.status).toBe(200);
    }
    const published = await publish(stack, lead, consortiumId);
    expect(published.status).toBe(200);
    firstPublishedAt = String(published.body.firstPublishedAt);
    await stack.runtime.settle();
    const page = await get(`/open/${consortiumId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Open Fund');
    expect(html).not.toContain('<script');
    // No tender yet, so no OCDS file: the page says it will follow rather than link to a 404.
    expect(html).toContain(`href="/open/${consortiumId}/360giving.json"`);
    expect(html).not.toContain(`href="/open/${consortiumId}/ocds/releases"`);
    expect(html).toContain('the OCDS feed after the first published tender');
    // A visitor has no account: the header leads back to this page, not to sign in.
    expect(html).toContain(`<a href="/open/${consortiumId}" class="govuk-generic-header__homepage-link">`);
  });

  it('publishes registry-ready 360Giving: valid, each id under its funder’s prefix, each pledge once as FRG040, grants summing to what was committed', async () => {
    const pkg = await json(`/open/${consortiumId}/360giving.json`);
    expect(validate360(pkg)).toEqual([]);
    const grants = pkg.grants ?? [];
    const contributions = grants.filter((g) => g.regrantType === 'FRG040');
    // The four members who pledged into the lead's pool, each once, under its own prefix; the lead's own pledge is no grant to itself.
    expect(contributions.map((g) => String(g.id).replace(/-contribution-.*$/, '')).sort()).toEqual([
      '360G-funder2',
      '360G-funder3',
      '360G-funder4',
      '360G-funder5',
    ]);
    for (const c of contributions) expect(c.amountAwarded).toBe(EACH / 100);
    const poolGrants = grants.filter((g) => g.regrantType !== 'FRG040');
    expect(poolGrants.map((g) => g.id)).toEqual([`360G-funder1-${grantId}`]);
    const committed = (await stack.api.call<{ committed: number }>(lead.admin, 'GET', `/pools/${poolId}`)).committed;
    expect(poolGrants.reduce((sum, g) => sum + Number(g.amountAwarded) * 100, 0)).toBe(committed);
    expect(committed).toBe(2_000_000);
    expect(pkg.license).toBe('https://creativecommons.org/licenses/by/4.0/');
    // 360Giving's `issued`: the day the file was first published, on the London calendar.
    expect(pkg.issued).toBe(londonDate(new Date(firstPublishedAt)));
  });

  it('answers 304 while unchanged; an amendment changes the feed once its event is through the stream', async () => {
    const first = await get(`/open/${consortiumId}/360giving.json`);
    const etag = first.headers.get('etag') as string;
    const lastModified = first.headers.get('last-modified') as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await get(`/open/${consortiumId}/360giving.json`, { 'if-none-match': etag })).status).toBe(304);
    expect((await get(`/open/${consortiumId}/360giving.json`, { 'if-modified-since': lastModified })).status).toBe(304);
    // A rebuild that changes nothing (the lead saves the same settings) leaves the validators alone.
    await publish(stack, lead, consortiumId);
    await stack.runtime.settle();
    expect((await get(`/open/${consortiumId}/360giving.json`, { 'if-none-match': etag })).status).toBe(304);

    const amended = await stack.request('POST', `/grants/${grantId}/amendments`, {
      as: lead.admin,
      // No plan yet, so no tranche to carry a change of amount: the grant's dates move instead.
      body: { kind: 'dates', plannedStart: '2026-05-01', plannedEnd: '2027-07-31', reason: 'Three months more to spend it' },
    });
    expect(amended.status, JSON.stringify(amended.body)).toBe(201);
    await stack.runtime.settle();
    const after = await get(`/open/${consortiumId}/360giving.json`, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const grant = ((await after.json()) as Json).grants?.find((g) => g.id === `360G-funder1-${grantId}`);
    expect(grant?.plannedDates).toEqual([{ startDate: '2026-05-01', endDate: '2027-07-31' }]);
  });

  it('shows no bid at any feed URL before the deadline, and the bids after it', async () => {
    const body = tenderBody(stack, funders, poolId, { title: 'Open tender' });
    const tender = await publishedTender(stack, funders, body);
    const email = 'bids@provider.example.org';
    await stack.api.call(lead.admin, 'POST', `/tenders/${tender.id}/interest`, { orgName: 'Marker Provider Ltd', email });
    await stack.runtime.settle();
    const before = await everyDocument(consortiumId);
    expect(before.get('/ocds/releases?page=1')).toMatch(/^200 .*Open tender/s);
    expect(
      (await bid(await linkTo(stack, email, /Open tender: your links/), { volunteering: { price: '1400', answers: MARKER } })).status,
    ).toBe(200);
    // A bid triggers no rebuild: make one happen (the lead saves the same settings), so the documents are rebuilt with the bid in the table.
    await publish(stack, lead, consortiumId);
    await stack.runtime.settle();
    const sealed = await everyDocument(consortiumId);
    expect([...sealed.keys()]).toEqual([...before.keys()]);
    for (const [url, answer] of sealed) {
      expect(answer, url).toBe(before.get(url));
      expect(answer, url).not.toContain(MARKER);
      expect(answer, url).not.toMatch(/"bids"|numberOfTenderers/);
    }
    const { release, record } = ocdsValidators();
    await stack.runtime.advanceTo(new Date(body.dates.submissionDeadline));
    await stack.runtime.settle();
    expect(await (await get(`/open/${consortiumId}`)).text()).toContain(`href="/open/${consortiumId}/ocds/releases"`);
    const releases = await json(`/open/${consortiumId}/ocds/releases`);
    expect(release(releases), JSON.stringify(release.errors)).toBe(true);
    expect(offCodelist(releases)).toEqual([]);
    expect(JSON.stringify(releases)).toMatch(/"bids"/);
    const records = await json(`/open/${consortiumId}/ocds/records`);
    expect(record(records), JSON.stringify(record.errors)).toBe(true);
  });

  it('takes a grant withdrawn before any payment off the page and out of the 360Giving file at once', async () => {
    const provider = await addProvider(stack, ['Withdrawn Grant Trust', 'GB-CHC-1099001', 'hello@withdrawn.example.org']);
    const withdrawn = await stack.api.call<{ id: string }>(lead.admin, 'POST', `/pools/${poolId}/allocations`, {
      recipientOrgId: provider.id,
      title: 'A grant that did not go ahead',
      amount: 300_000,
      currency: 'GBP',
      durationMonths: 6,
      plannedStart: '2026-06-01',
    });
    await stack.runtime.settle();
    const ids = async () => ((await json(`/open/${consortiumId}/360giving.json`)).grants ?? []).map((g) => g.id);
    expect(await ids()).toContain(`360G-funder1-${withdrawn.id}`);
    expect(await (await get(`/open/${consortiumId}`)).text()).toContain('A grant that did not go ahead');
    const ended = await stack.request('POST', `/grants/${withdrawn.id}/status`, {
      as: lead.admin,
      body: { status: 'terminated', reason: 'The charity closed before it started' },
    });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    await stack.runtime.settle();
    expect(await ids()).not.toContain(`360G-funder1-${withdrawn.id}`);
    expect(await (await get(`/open/${consortiumId}`)).text()).not.toContain('A grant that did not go ahead');
  });

  it('shows nothing of one consortium in another’s documents', async () => {
    const other = await fundedConsortium(stack, funders, 'Second Fund', EACH);
    expect((await publish(stack, other.lead, other.consortium.id)).status).toBe(200);
    await stack.runtime.settle();
    const mine = [...(await everyDocument(consortiumId)).values()].join('\n');
    const theirs = [...(await everyDocument(other.consortium.id)).values()].join('\n');
    expect(theirs).toContain('Second Fund');
    for (const leak of [other.consortium.id, other.pool.id, 'Second Fund']) expect(mine).not.toContain(leak);
    for (const leak of [consortiumId, poolId, grantId, 'Open Fund', 'Open tender']) expect(theirs).not.toContain(leak);
  });
});
