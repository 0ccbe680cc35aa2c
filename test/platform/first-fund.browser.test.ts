import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { linksIn } from '../../infra/local/mailbox-links';
import { platformAdmin } from '../../infra/local/seed';
import { axeOn } from '../support/axe';
import { useTestStack } from '../support/use-stack';
import { walk } from '../support/walk';

/**
 * Issue 24's acceptance, as people would do it: Chromium with JavaScript off, from an empty
 * `npm start` (only the platform admin exists), pages and the mailbox only. The platform admin
 * adds three funders and two providers with their staff; a lead proposes a consortium, the
 * members are emailed, the lead confirms; the lead makes a pool with two lots, records two
 * funders' pledges and the money received, opens a round with two proposals and closes it; the
 * members vote from "what needs me"; the grants are committed; the lead sets a grant's plan
 * through its task list; the provider is emailed its first report request, sends it from the
 * link, and the lead accepts it from "what needs me". Every request the browsers make is
 * checked: none goes to the JSON API or carries a bearer token. Each step's page loads are
 * counted and printed.
 */
const { stack, browser } = useTestStack({ browser: true });
const { as, person, step, signIn, button, link, fill, pick, panel, h1, main, date, answer, requests, visited, report } = walk(
  () => stack,
  () => browser,
);

type Org = {
  name: string;
  kind: 'Funder' | 'Provider';
  funderType?: string;
  identifier: string;
  contact: string;
  staff: { name: string; email: string };
};
const org = (name: string, kind: Org['kind'], identifier: string, staff: string, funderType?: string): Org => {
  const domain = `${name.toLowerCase().replace(/[^a-z]+/g, '')}.example.org`;
  return {
    name,
    kind,
    funderType,
    identifier,
    contact: `office@${domain}`,
    staff: { name: staff, email: `${staff.split(' ')[0]?.toLowerCase()}@${domain}` },
  };
};
// Not the example's funders (`npm start` seeds those on a new table; this stack has only the platform admin).
const county = org('Fenmoor County Council', 'Funder', 'GB-LAE-FEN', 'Ruth Okafor', 'Local authority');
const district = org('Marshby District Council', 'Funder', 'GB-LAE-MSB', 'Tom Hughes', 'Local authority');
const trust = org('Fenmoor Community Trust', 'Funder', 'GB-CHC-1098111', 'Priya Shah', 'Trust or foundation');
const cvs = org('Marshby CVS', 'Provider', 'GB-CHC-1077123', 'Sam Green');
const arts = org('Fen Arts Collective', 'Provider', 'GB-CHC-1188456', 'Ada Jones');
const CONSORTIUM = 'Fenmoor Infrastructure Partnership';
const POOL = 'Fenmoor Infrastructure Fund';
const ROUND = 'Spring 2026 round';
const GRANT = 'Infrastructure support for North Fenmoor';

afterAll(async () => {
  console.log(report());
});

const emailsTo = async (to: string, subject: RegExp) =>
  (await stack.runtime.emails()).filter((e) => e.destination.to.includes(to) && subject.test(e.subject));

describe('from an empty grantloop to a report accepted, in the browser only', () => {
  it('the platform admin adds three funders and two providers, each with its admin', async () => {
    const page = await as({ staff: { email: platformAdmin.email } }, 'platform admin signs in');
    for (const o of [county, district, trust, cvs, arts]) {
      await step(`add ${o.name}`, page, async () => {
        await link(page, 'What needs me');
        await link(page, 'Every organisation and its staff');
        await link(page, 'Add an organisation');
        await pick(page, o.kind);
        if (o.funderType) await pick(page, o.funderType);
        await button(page, 'Continue');
        await fill(page, 'Name of the organisation', o.name);
        await fill(page, 'Org-id', o.identifier);
        await fill(page, 'Contact email address', o.contact);
        await button(page, 'Continue');
        await expect(h1(page)).resolves.toContain('Check your answers');
        await button(page, 'Add the organisation');
        await expect(panel(page)).resolves.toContain('Organisation added');
      });
      await step(`add ${o.name}'s admin`, page, async () => {
        await link(page, /Go to/);
        await link(page, 'Add a member of staff');
        await fill(page, 'Full name', o.staff.name);
        await fill(page, 'Email address', o.staff.email);
        await pick(page, 'Admin');
        await button(page, 'Continue');
        await button(page, 'Add them to the staff');
        await expect(panel(page)).resolves.toContain('Member of staff added');
      });
    }
    await link(page, 'What needs me');
    await link(page, 'Every organisation and its staff');
    for (const o of [county, district, trust, cvs, arts]) await expect(main(page)).resolves.toContain(o.name);
  });

  it('the county proposes a consortium of the three funders; they are emailed; the county confirms it', async () => {
    const page = await as(county, 'lead signs in');
    await step('propose a consortium', page, async () => {
      await link(page, 'Propose a consortium');
      await fill(page, 'Name of the consortium', CONSORTIUM);
      await fill(page, 'Place it serves', 'Fenmoor');
      await button(page, 'Continue');
      for (const o of [district, trust]) {
        await pick(page, o.name);
        await pick(page, 'Member');
        await button(page, 'Add this organisation');
      }
      await button(page, 'Continue');
      await button(page, 'Continue'); // the quorum: the default
      await expect(h1(page)).resolves.toContain('Check your answers');
      await button(page, 'Propose the consortium');
      await expect(panel(page)).resolves.toContain('Consortium proposed');
    });
    await stack.runtime.settle();
    for (const o of [district, trust]) expect(await emailsTo(o.contact, /.+/), o.contact).not.toHaveLength(0);
    await step('confirm it from what needs me', page, async () => {
      await link(page, 'What needs me');
      await link(page, new RegExp(`Confirm ${CONSORTIUM}`));
      await button(page, 'Confirm the consortium');
      await expect(main(page)).resolves.toContain('confirmed');
    });
    await stack.runtime.settle();
  });

  it('the lead makes a pool with two lots, records two funders’ pledges and the money received', async () => {
    const page = await as(county);
    await step('create a pool with two lots', page, async () => {
      await link(page, 'What needs me');
      await link(page, CONSORTIUM);
      await link(page, 'Pools');
      await link(page, 'Create a pool');
      await fill(page, 'Name of the pool', POOL);
      await fill(page, 'What the pool pays for', 'Support for local voluntary groups in Fenmoor');
      await button(page, 'Continue');
      for (const lot of ['North Fenmoor', 'South Fenmoor']) {
        await fill(page, 'Lot name', lot);
        await button(page, 'Add lot');
      }
      await button(page, 'Continue');
      await button(page, 'Create the pool');
      await expect(panel(page)).resolves.toContain('Pool created');
      await link(page, 'Go to the pool');
    });
    for (const [who, amount] of [
      [county, '60,000'],
      [district, '40,000'],
    ] as const) {
      const p = await as(who);
      await step(`${who.name} pledges £${amount}`, p, async () => {
        await link(p, 'What needs me');
        await link(p, CONSORTIUM);
        await link(p, 'Pools');
        await link(p, POOL);
        await link(p, 'Record a pledge');
        if (await p.getByRole('radio', { name: who.name }).count()) {
          await pick(p, who.name);
          await button(p, 'Continue');
        }
        await pick(p, '2026-27 (April 2026 to March 2027)');
        await fill(p, 'Amount for the year', amount);
        await button(p, 'Add this year');
        await button(p, 'Continue');
        await pick(p, 'Not restricted');
        await button(p, 'Continue');
        await button(p, 'Record the pledge');
        await expect(panel(p)).resolves.toContain('Pledge recorded');
      });
    }
    await step('record the money received for both pledges', page, async () => {
      await link(page, 'Go to the pool');
      for (const [who, amount] of [
        [county, '60,000'],
        [district, '40,000'],
      ] as const) {
        await link(page, `Record money received from ${who.name}`);
        await fill(page, 'Amount received', amount);
        await date(page, 'Date received', '2026-04-01');
        await button(page, 'Continue');
        await button(page, 'Record the money');
        await expect(panel(page)).resolves.toContain('Money recorded');
        await link(page, 'Go to the pool');
      }
      await expect(main(page)).resolves.toContain('£100,000.00');
    });
  });

  it('the lead opens a round with two proposals and closes it; the members vote from what needs me', async () => {
    const page = await as(county);
    await step('open a round', page, async () => {
      await link(page, 'Open a round');
      await fill(page, 'Name of the round', ROUND);
      await button(page, 'Continue');
      await button(page, 'Open the round');
      await link(page, 'Go to the round');
    });
    for (const [recipient, title, amount, lot] of [
      [cvs, GRANT, '30,000', 'North Fenmoor'],
      [arts, 'Arts volunteering in South Fenmoor', '20,000', 'South Fenmoor'],
    ] as const) {
      await step(`propose ${title}`, page, async () => {
        await link(page, 'Add a proposal');
        await pick(page, recipient.name);
        await button(page, 'Continue');
        await fill(page, 'Title', title);
        await fill(page, 'Description (optional)', `${title}, for a year.`);
        await button(page, 'Continue');
        await fill(page, 'Amount', amount);
        await pick(page, lot);
        await fill(page, 'Duration in months', '12');
        await button(page, 'Continue');
        await button(page, 'Add the proposal');
        await link(page, 'Go to the round');
      });
    }
    await step('close the round', page, async () => {
      await button(page, 'Close the round and start voting');
      await expect(main(page)).resolves.toContain('Voting open until');
    });
    await stack.runtime.settle();
    // By money paid in: the district's 40% does not decide it; the trust has paid nothing in; the county's 60% carries it.
    for (const who of [district, trust, county]) {
      const p = await as(who);
      await step(`${who.name} votes from what needs me`, p, async () => {
        await link(p, 'What needs me');
        await link(p, `Vote: ${ROUND}`);
        await pick(p, 'Approve the proposals');
        await button(p, 'Send vote');
      });
      await stack.runtime.settle();
    }
    await step('the round is decided', page, async () => {
      await page.reload();
      await expect(main(page)).resolves.toMatch(/Status\s*Committed/);
    });
  });

  it('the lead sets a grant’s plan through its task list; the provider reports from the email; the lead accepts it', async () => {
    const page = await as(county);
    await step('open the committed grant', page, async () => {
      await link(page, 'Grants');
      await link(page, GRANT);
    });
    await step('set the plan through the task list', page, async () => {
      await link(page, 'Set the plan');
      await link(page, 'Conditions');
      await button(page, 'Continue');
      await link(page, 'Tranches (payments schedule)');
      await answer(page, { Amount: '30,000', 'Payment date': { date: '2026-04-15' } }, 'Add tranche');
      await button(page, 'Continue');
      await link(page, 'Reporting schedule');
      await answer(page, { 'Once, on a date': true, 'The light form': true, 'Report due date': { date: '2026-04-20' } }, 'Continue');
      await link(page, 'Check and send the plan');
      await button(page, 'Set the plan');
      await expect(panel(page)).resolves.toContain('Plan set');
    });
    // The request goes four weeks before the due date, or at once when that has passed, as here: a minute at a time until it is sent.
    let email: Awaited<ReturnType<typeof emailsTo>>[number] | undefined;
    for (let i = 0; i < 30 && !email; i++) {
      await stack.runtime.advanceTo(new Date(stack.clock.now().getTime() + 60_000));
      await stack.runtime.settle();
      [email] = await emailsTo(cvs.contact, new RegExp(`^Report due .*: ${GRANT}$`));
    }
    const url = linksIn(email, 'report')[0] as string;
    expect(url).toMatch(/\/r\//);

    const { page: provider } = await person();
    await step('the provider sends the report from the link', provider, async () => {
      await provider.goto(url);
      await provider.getByLabel('Groups and organisations supported').fill('14');
      await provider.getByLabel('Funding secured by the groups you supported').fill('12,500');
      await provider.getByLabel('What difference did this grant make this year?').fill('Fourteen groups were helped to apply for funding.');
      await provider.getByLabel('Anything we should know for next year?').fill('More demand from new groups in the north.');
      await button(provider, 'Send report');
      await expect(h1(provider)).resolves.toBe('Thank you: your report has been sent');
    });
    await stack.runtime.settle();

    await step('the lead accepts it from what needs me', page, async () => {
      await link(page, 'What needs me');
      await link(page, `Review: Report on ${GRANT}`);
      await pick(page, 'Accept the report');
      await button(page, 'Send review');
      await expect(main(page)).resolves.toContain('Report accepted');
    });
  });

  it('every page the walk saw, and each question page with its errors showing, has no serious or critical axe violation', async () => {
    const contexts = new Map<string, Page>();
    /** The same person, with JavaScript on so axe can run in the page (the pages themselves run none). */
    const withScript = async (email: string | undefined) => {
      const key = email ?? '';
      const had = contexts.get(key);
      if (had) return had;
      const ctx = await browser.newContext({ javaScriptEnabled: true });
      ctx.setDefaultTimeout(5000);
      const page = await ctx.newPage();
      if (email) await signIn(page, email);
      contexts.set(key, page);
      return page;
    };
    // Pages the walk had no need of: the other grant's plan tasks and changes, and the staff pages' role and remove.
    const extra = new Map<string, string>();
    const more = async (email: string, start: string, names: RegExp) => {
      const page = await withScript(email);
      await page.goto(`${stack.runtime.apiUrl}${start}`);
      for (const a of await page
        .getByRole('link', { name: names })
        .or(page.getByRole('button', { name: names }))
        .all()) {
        const href = await a.getAttribute('href');
        if (href) extra.set(new URL(href, stack.runtime.apiUrl).href, email);
      }
    };
    const grants = await withScript(county.staff.email);
    await grants.goto(`${stack.runtime.apiUrl}/app`);
    await link(grants, CONSORTIUM);
    await link(grants, 'Grants');
    await link(grants, 'Arts volunteering in South Fenmoor');
    const other = new URL(grants.url()).pathname;
    await more(county.staff.email, other, /^(Set the plan|Record a payment|Record money returned|Amend the grant|Change the status)$/);
    await more(county.staff.email, `${other}/plan`, /^(Conditions|Tranches \(payments schedule\)|Reporting schedule)$/);
    await more(platformAdmin.email, '/app/organisations', /^Marshby CVS$/);
    const orgPage = [...extra.keys()].find((u) => /\/app\/organisations\/[0-9A-Z]{26}$/.test(new URL(u).pathname));
    if (orgPage) await more(platformAdmin.email, new URL(orgPage).pathname, /^(Change role|Remove)/);

    // One of each page: ids and tokens are the same page for axe.
    const kinds = new Map<string, [string, string | undefined]>();
    // These first: the walk's own plan pages are done with (its plan is set), the other grant's are not.
    for (const [url, who] of [...extra, ...visited]) {
      const u = new URL(url);
      if (u.pathname === '/sign-in') continue;
      const kind = `${u.pathname.replace(/[0-9A-HJKMNP-TV-Z]{26}|[A-Za-z0-9_-]{43}/g, '{id}')}?${u.searchParams.get('page') ?? ''}`;
      if (!kinds.has(kind)) kinds.set(kind, [url, who]);
    }
    const found: string[] = [];
    const withErrors: string[] = [];
    for (const [kind, [url, who]] of kinds) {
      const page = await withScript(who);
      const res = await page.goto(url);
      if (res?.status() === 404) continue; // a journey done with (the round closed, the plan set): not found now
      for (const v of await axeOn(page)) found.push(`${kind}: ${v}`);
      // A question page, sent with its answers left out: the error summary and the messages by each field.
      if (/[?&]page=(check|done)/.test(url) || (await page.getByRole('button', { name: 'Continue', exact: true }).count()) === 0) continue;
      for (const input of await page.locator('main input[type=text], main textarea').all()) await input.fill('');
      // Adding an empty item to a list shows its errors; elsewhere, Continue does.
      const add = page.getByRole('button', { name: /^Add (?!the |them )/ });
      await ((await add.count()) ? add.first() : page.getByRole('button', { name: 'Continue', exact: true })).click();
      if ((await page.locator('.govuk-error-summary').count()) === 0) continue;
      withErrors.push(kind);
      for (const v of await axeOn(page)) found.push(`${kind} with errors: ${v}`);
    }
    console.log(`axe: ${kinds.size} kinds of page; question pages with their errors showing:\n  ${withErrors.join('\n  ')}`);
    expect(kinds.size).toBeGreaterThan(30);
    expect(withErrors.length).toBeGreaterThan(18);
    expect(found).toEqual([]);
  }, 300_000); // about 45 pages and 65 runs of axe: a minute alone, several on a busy CI machine

  it('no request went to the JSON API or carried a bearer token', () => {
    const pages = /^\/(app(\/|$)|sign-in$|sign-out$|assets\/|r\/[A-Za-z0-9_-]{43}$|favicon)/;
    expect(requests.length).toBeGreaterThan(100);
    expect(requests.filter((r) => r.auth || !pages.test(r.path))).toEqual([]);
  });
});
