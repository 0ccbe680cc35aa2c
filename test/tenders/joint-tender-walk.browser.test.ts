import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linksIn, tenderLinkIn } from '../../infra/local/mailbox-links';
import type { Consortium } from '../../shared/consortia/consortium';
import { mailTo } from '../support/contract';
import { CONTRACT, draftTender, EASTBROOK, fund, HARBOUR, readyExample, TITLE, WVA } from '../support/tender-walk';
import { addMilestonesAndKpi, bidCard, score, whatTheWalkLeft } from '../support/tender-walk-forms';
import { walkPeople } from '../support/tender-walk-people';
import { useTestStack } from '../support/use-stack';
import { walk } from '../support/walk';

/**
 * Issue 25's first acceptance line, as people would do it: Chromium with JavaScript off, pages and
 * the mailbox only, on the example consortium (the Wyvernshire Local Infrastructure Fund, the
 * county council leading). The lead drafts a two-lot tender funded by the county, the ICB and the
 * Millbank Foundation and sends it for sign-off; the Foundation refuses with a reason; the lead
 * changes the funding and sends it again; all three sign off. The lead invites three providers; one
 * asks a question, the lead's staff are emailed and answer it; three bids arrive; the ICB's scorer
 * declares a conflict; the panel scores and the lead moderates; the members vote the award; the
 * standstill runs on the virtual clock; lot 1 becomes a grant and a contract; the council adds
 * milestones and KPIs to it, requests evidence now, the supplier sends it from the link and the
 * council decides it; the unsuccessful bidder is emailed its lot's outcome. Only the setup (the
 * example, and more core money for the three funders) uses the API.
 */
const { stack, browser } = useTestStack({ browser: true });
let f: Awaited<ReturnType<typeof readyExample>>['f'];
let consortium: Consortium;
/** How many emails the example had sent before the walk began. */
let before = 0;
const w = walk(
  () => stack,
  () => browser,
);
const { as, person, step, button, link, fill, pick, panel, h1, main, requests, report } = w;

const { staff, again, toDo, signOff, voteAward } = walkPeople(w);
let awardPage = '';
let tenderId = '';
let contractId = '';
const idIn = (url: string, under: string) => new RegExp(`/app/${under}/([0-9A-Z]{26})`).exec(url)?.[1] ?? '';
const bidLink = async (to: string) => tenderLinkIn(await stack.runtime.emails(), to, /your links to bid/);

beforeAll(async () => {
  ({ f, consortium } = await readyExample(stack));
  before = (await stack.runtime.emails()).length;
}, 300_000);
afterAll(async () => {
  console.log(report());
});

describe('a joint tender from draft to a decided milestone, in the browser only', () => {
  it('the lead drafts a two-lot tender funded by three members and sends it for sign-off', async () => {
    const lead = await as(staff(f.county), 'the lead signs in');
    await step('draft the tender through its task list', lead, async () => {
      await link(lead, consortium.name);
      await link(lead, 'Tenders');
      await link(lead, 'Draft a tender');
      await draftTender(w, lead, f);
    });
    await step('send it for sign-off', lead, async () => {
      await button(lead, 'Send for sign-off');
      await expect(main(lead)).resolves.toContain('The draft is sent for sign-off');
      tenderId = idIn(lead.url(), 'tenders');
    });
    await stack.runtime.settle();
    const askedOf = (await stack.runtime.emails())
      .slice(before)
      .filter((e) => e.subject.includes(`please sign off the tender "${TITLE}"`))
      .flatMap((e) => e.destination.to);
    expect(askedOf.sort()).toEqual([f.county, f.icb, f.millbank].map((x) => x.org.contactEmail).sort());
  });

  it('the Millbank Foundation refuses with a reason; the lead changes the funding and sends it again; all three sign off', async () => {
    await signOff(f.icb, 'Approve');
    const why = 'Our share should be £100,000; the county can cover the rest.';
    await signOff(f.millbank, 'Refuse', why);
    await stack.runtime.settle();

    const lead = await as(staff(f.county));
    await step('change the funding and send it again', lead, async () => {
      await lead.reload();
      await expect(main(lead)).resolves.toContain(`${f.millbank.org.name} refused the last version`);
      await expect(main(lead)).resolves.toContain(why);
      await link(lead, 'Change the draft');
      await fund(w, lead, f, ['350,000', '225,000', '100,000']);
      await link(lead, 'Check and save the draft');
      await button(lead, 'Save the draft');
      await expect(panel(lead)).resolves.toContain('Draft tender saved');
      await link(lead, 'Go to the tender');
      await button(lead, 'Send for sign-off');
    });
    await stack.runtime.settle();
    for (const who of [f.county, f.icb, f.millbank]) await signOff(who, 'Approve');
    await stack.runtime.settle();
    await step('the tender is published, its money reserved', lead, async () => {
      await lead.reload();
      await expect(main(lead)).resolves.toMatch(/Stage\s*Published/);
      await expect(main(lead)).resolves.toContain('£675,000.00, reserved in the pool');
      // The key dates as they were typed, on the London clock.
      await expect(main(lead)).resolves.toMatch(/Clarification questions by\s*midday on 10 June 2026\s*Bids by\s*5pm on 17 June 2026/);
    });
  });

  it('the lead invites three providers: one on grantloop, two added by name and email', async () => {
    const lead = await as(staff(f.county));
    await step('invite three providers', lead, async () => {
      await pick(lead, WVA.name);
      await button(lead, 'Invite the provider');
      await expect(main(lead)).resolves.toContain('The provider is invited');
      for (const p of [EASTBROOK, HARBOUR]) {
        await pick(lead, 'The provider is not listed');
        await fill(lead, "Provider's name", p.name);
        await fill(lead, "Provider's email address", p.email);
        await button(lead, 'Invite the provider');
        await expect(main(lead)).resolves.toContain('The provider is invited');
      }
    });
    await stack.runtime.settle();
    for (const p of [WVA, EASTBROOK, HARBOUR]) expect(await bidLink(p.email)).toMatch(/\/b\//);
  });

  it('a provider asks a question from its link; the lead’s staff are emailed and answer it from the email', async () => {
    const { page: provider } = await person();
    await step('Eastbrook CVS asks a question from its link', provider, async () => {
      await provider.goto(tenderLinkIn(await stack.runtime.emails(), EASTBROOK.email, /your links to bid/, 'question'));
      await provider.getByLabel(/Your question/).fill('May lot 1 be delivered by two partners?');
      await button(provider, 'Send my question');
      await expect(h1(provider)).resolves.toMatch(/Thank you/);
    });
    await stack.runtime.settle();
    const [told] = await mailTo(stack, f.county.admin.email, new RegExp(`a clarification question on "${TITLE}"`));
    expect(told?.body.text).toContain('May lot 1 be delivered by two partners?');
    expect(told?.body.text).toContain('Bids are due by 5pm on 17 June 2026');
    const answerAt = /(https?:\/\/\S+\/app\/tenders\/[0-9A-Z]{26}\/clarifications)/.exec(told?.body.text ?? '')?.[1] as string;
    expect(answerAt).toBeDefined();

    const lead = await as(staff(f.county));
    await step('the lead answers it from the link in the email', lead, async () => {
      await lead.goto(answerAt);
      await fill(lead, 'Your answer', 'Yes, with one named lead partner.');
      await button(lead, 'Send the answer');
      await expect(main(lead)).resolves.toContain('A: Yes, with one named lead partner.');
    });
    await stack.runtime.settle();
    const answered = (await stack.runtime.emails()).filter((e) => e.subject === `${TITLE}: a clarification`);
    expect(answered.flatMap((e) => e.destination.to).sort()).toEqual([WVA, EASTBROOK, HARBOUR].map((p) => p.email).sort());
  });

  it('three bids arrive, each from its provider’s link', async () => {
    for (const [p, lotId, price] of [
      [WVA, 'organisational-support', '430,000'],
      [EASTBROOK, 'organisational-support', '440,000'],
      [HARBOUR, 'volunteering-support', '215,000'],
    ] as const) {
      const { page } = await person();
      await step(`${p.name} bids from its link`, page, async () => {
        await page.goto(await bidLink(p.email));
        const lot = page.locator(`fieldset[id="lot.${lotId}"]`);
        await lot.getByLabel('Bid for this lot').check();
        await lot.getByLabel(/Your price for the whole contract/).fill(price);
        await lot.getByLabel(/Local knowledge and relationships/).fill(`${p.name} has worked with Wyvernshire groups for years.`);
        await lot.getByLabel(/Delivery plan/).fill('A named adviser per district and monthly surgeries.');
        await button(page, 'Send my bid');
        await expect(h1(page)).resolves.toBe('Thank you: your bid has been received');
      });
    }
  });
  it('at the deadline the bids open; the ICB’s scorer declares a conflict; the panel scores; the lead moderates and completes it', async () => {
    // 5pm in London on 17 June 2026 is 16:00 UTC (summer time).
    await stack.runtime.advanceTo(new Date('2026-06-17T16:00:00Z'));
    await stack.runtime.settle();
    const icb = await again(f.icb);
    await step('the ICB’s scorer declares a conflict in one bid and scores the other two', icb, async () => {
      await toDo(icb, `Score 3 bids: ${TITLE}`);
      await bidCard(icb, EASTBROOK.name).getByRole('button', { name: 'Declare a conflict of interest in this bid' }).click();
      await expect(bidCard(icb, EASTBROOK.name).textContent()).resolves.toContain('You declared a conflict of interest in this bid');
      await score(icb, WVA.name, '70', '70');
      await score(icb, HARBOUR.name, '75', '65');
    });
    const lead = await again(f.county);
    await step('the lead scores the three bids', lead, async () => {
      await toDo(lead, `Score 3 bids: ${TITLE}`);
      await score(lead, WVA.name, '80', '75');
      await score(lead, EASTBROOK.name, '70', '60');
      await score(lead, HARBOUR.name, '70', '70');
    });
    await step('the lead moderates a score and completes the evaluation', lead, async () => {
      await lead.getByLabel('Bid', { exact: true }).selectOption({ label: `Organisational support: ${EASTBROOK.name}` });
      await lead.getByLabel('Criterion', { exact: true }).selectOption({ label: 'Delivery plan' });
      await fill(lead, 'Moderated score (0 to 100)', '65');
      await fill(lead, 'Why the panel moderated it', 'Agreed at the panel meeting.');
      await button(lead, 'Record the moderated score');
      await expect(main(lead)).resolves.toContain('65.0 (moderated)');
      await button(lead, 'Complete evaluation');
    });
    await stack.runtime.settle();
  });

  it('the members vote the award; the standstill runs on the virtual clock; lot 1 is awarded and becomes a grant', async () => {
    // The ICB and the Foundation put in 48% of the money, short of the consortium's 50% quorum; the county's vote carries it.
    const pages = new Map([
      [f.icb, await as(staff(f.icb))],
      [f.millbank, await again(f.millbank)],
      [f.county, await as(staff(f.county))],
    ]);
    for (const [who, page] of pages) {
      await voteAward(who, page);
      await stack.runtime.settle();
    }
    const lead = await as(staff(f.county));
    // Eight working days beginning with Wednesday 17 June: 17 to 19 and 22 to 26 June.
    await step('the award page shows the standstill', lead, async () => {
      await lead.getByRole('navigation', { name: 'Tender' }).getByRole('link', { name: 'Award' }).click();
      awardPage = lead.url();
      await expect(main(lead)).resolves.toContain('from 17 June 2026 to the end of 26 June 2026');
      await expect(main(lead)).resolves.toContain(`Recommended: ${WVA.name}, £430,000.00`);
    });
    // It ends at midnight in London, 23:00 UTC: a minute before, nothing is awarded.
    await stack.runtime.advanceTo(new Date('2026-06-26T22:59:00Z'));
    await stack.runtime.settle();
    await again(f.county);
    await step('a minute before the standstill ends, nothing is awarded', lead, async () => {
      await lead.goto(awardPage);
      await expect(main(lead)).resolves.toContain(`Recommended: ${WVA.name}, £430,000.00`);
    });
    await stack.runtime.advanceTo(new Date('2026-06-26T23:00:30Z'));
    await stack.runtime.settle();
    await step('once it has ended, both lots are awarded; lot 1 is a grant', lead, async () => {
      await lead.reload();
      await expect(main(lead)).resolves.toContain(`Awarded: ${WVA.name}, £430,000.00`);
      await expect(main(lead)).resolves.toContain(`Awarded: ${HARBOUR.name}, £215,000.00`);
      await link(lead, consortium.name);
      await link(lead, 'Grants');
      await link(lead, CONTRACT);
      await expect(main(lead)).resolves.toContain(WVA.name);
      await expect(main(lead)).resolves.toContain('£430,000.00');
    });
  });

  it('lot 1 is a contract: the council adds milestones and KPIs, requests evidence now; the supplier sends it; the council decides it', async () => {
    const lead = await as(staff(f.county));
    await step('find the contract the award made', lead, async () => {
      await link(lead, 'Contracts');
      await link(lead, CONTRACT);
      await expect(main(lead)).resolves.toContain(WVA.name);
      contractId = idIn(lead.url(), 'contracts');
      await lead.getByRole('navigation', { name: 'Contract' }).getByRole('link', { name: 'Milestones' }).click();
      await expect(main(lead)).resolves.toContain('None yet');
    });
    await step('add two milestones and a KPI', lead, async () => {
      await addMilestonesAndKpi(w, lead);
      await link(lead, 'Go to the contract’s milestones');
      await expect(main(lead)).resolves.toContain('M2: First year report');
    });
    await step('request evidence now for the first milestone', lead, async () => {
      await button(lead, 'Request evidence now for M1');
      await expect(main(lead)).resolves.toContain('The supplier is being emailed a new link');
    });
    await stack.runtime.settle();
    const [asked] = await mailTo(stack, WVA.email, /^Evidence requested: Governance reviews for ten groups/);
    const url = linksIn(asked, 'milestone')[0] as string;
    expect(url).toMatch(/\/m\//);
    const { page: supplier } = await person();
    await step('the supplier sends the evidence from the link', supplier, async () => {
      await supplier.goto(url);
      await supplier.getByLabel(/What you delivered/).fill('Ten governance reviews done; the list is in our quarterly report.');
      await button(supplier, 'Send evidence');
      await expect(h1(supplier)).resolves.toBe('Thank you: your evidence has been sent');
    });
    await stack.runtime.settle();
    await step('the council decides it met', lead, async () => {
      await lead.reload();
      await expect(main(lead)).resolves.toContain('Ten governance reviews done');
      const form = lead.locator('form#decide-M1');
      await form.getByRole('radio', { name: 'Met', exact: true }).check();
      await form.getByRole('button', { name: 'Record the decision' }).click();
      await expect(main(lead)).resolves.toContain('The decision is recorded');
      // Met on the day the evidence came: the first minutes of Saturday 27 June in London.
      await expect(main(lead)).resolves.toContain('Met, 27 June 2026');
    });
  });

  it('the unsuccessful bidder is emailed its lot’s outcome; the winner too', async () => {
    const outcome = async (to: string) => {
      const mails = await mailTo(stack, to, /: your bid for |: the outcome of your bids/);
      expect(mails, to).toHaveLength(1);
      expect(mails[0]?.body.html, to).toBeTruthy();
      return mails[0]?.body.text ?? '';
    };
    const lost = await outcome(EASTBROOK.email);
    expect(lost).toContain('ORGANISATIONAL SUPPORT: NOT SUCCESSFUL');
    expect(lost).toContain(`Your bid of £440,000.00 was not successful: the lot is awarded to ${WVA.name}.`);
    expect(lost).not.toContain('VOLUNTEERING SUPPORT');
    expect(await outcome(WVA.email)).toContain('ORGANISATIONAL SUPPORT: SUCCESSFUL');
  });

  it('every email sent during the walk has an HTML part, and no date in ISO form nor a UTC time', async () => {
    const sent = (await stack.runtime.emails()).slice(before);
    expect(sent.length).toBeGreaterThan(20);
    expect(sent.filter((e) => !e.body.html).map((e) => e.subject)).toEqual([]);
    const machineDates = sent.filter((e) => /\d{4}-\d{2}-\d{2}|\bUTC\b/.test(`${e.subject}\n${e.body.text}\n${e.body.html}`));
    expect(machineDates.map((e) => e.subject)).toEqual([]);
  });

  it('what the walk left, read back after it: the dates typed on the London clock, the money, the panel’s work, the contract', () =>
    whatTheWalkLeft(stack, f, tenderId, contractId));

  it('no request went to the JSON API or carried a bearer token', () => {
    const pages = /^\/(app(\/|$)|sign-in$|sign-out$|assets\/|[bm]\/[A-Za-z0-9_-]{43}$|favicon)/;
    expect(requests.length).toBeGreaterThan(100);
    expect(requests.filter((r) => r.auth || !pages.test(r.path))).toEqual([]);
  });
});
