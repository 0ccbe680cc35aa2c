import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linksIn, tenderLinkIn } from '../../infra/local/mailbox-links';
import type { SeededFunder } from '../../infra/local/scenario';
import type { Consortium } from '../../shared/consortia/consortium';
import { launchChromium } from '../support/browser';
import { mailTo } from '../support/contract';
import { startTestStack, type TestStack } from '../support/stack';
import { draftTender, fund, readyExample, TITLE } from '../support/tender-walk';
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
let stack: TestStack;
let browser: Browser;
let f: Awaited<ReturnType<typeof readyExample>>['f'];
let consortium: Consortium;
/** How many emails the example had sent before the walk began. */
let before = 0;
const w = walk(
  () => stack,
  () => browser,
);
const { as, person, step, button, link, fill, pick, panel, h1, main, requests, report } = w;

const WVA = { name: 'Wyvern Voluntary Action', email: 'hello@wva.example.org' };
const EASTBROOK = { name: 'Eastbrook CVS', email: 'office@eastbrook-cvs.example.org' };
const HARBOUR = { name: 'Harbour Volunteers', email: 'bids@harbour-volunteers.example.org' };
const CONTRACT = `${TITLE}: Organisational support`;

const staff = (who: SeededFunder) => ({ staff: who.admin });
/** Days later, a session has ended (eight hours after its last request): the person signs in again in their browser. */
const again = async (who: SeededFunder) => {
  const page = await as(staff(who));
  await step(`${who.org.name} signs in again`, page, () => w.signIn(page, who.admin.email));
  return page;
};
const toDo = async (page: Page, task: string | RegExp) => {
  await link(page, 'What needs me');
  await link(page, task);
};
const bidLink = async (to: string) => tenderLinkIn(await stack.runtime.emails(), to, /your links to bid/);

beforeAll(async () => {
  stack = await startTestStack();
  ({ f, consortium } = await readyExample(stack));
  before = (await stack.runtime.emails()).length;
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  console.log(report());
  await browser?.close();
  await stack?.stop();
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
    });
    await stack.runtime.settle();
    const askedOf = (await stack.runtime.emails())
      .slice(before)
      .filter((e) => e.subject.includes(`please sign off the tender "${TITLE}"`))
      .flatMap((e) => e.destination.to);
    expect(askedOf.sort()).toEqual([f.county, f.icb, f.millbank].map((x) => x.org.contactEmail).sort());
  }, 60_000);

  it('the Millbank Foundation refuses with a reason; the lead changes the funding and sends it again; all three sign off', async () => {
    const signOff = async (who: SeededFunder, decision: 'Approve' | 'Refuse', reason = '') => {
      const page = await as(staff(who), `${who.org.name} signs in`);
      await step(`${who.org.name}: ${decision.toLowerCase()} from what needs me`, page, async () => {
        await toDo(page, `Sign off: ${TITLE}`);
        await pick(page, decision);
        if (reason) await fill(page, 'Reason (needed to refuse)', reason);
        await button(page, 'Send sign-off');
        await expect(main(page)).resolves.toContain(
          decision === 'Approve' ? 'Your organisation approved' : 'Your refusal has been recorded',
        );
      });
    };
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
    });
  }, 90_000);

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
  }, 60_000);

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
  }, 60_000);

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
  }, 60_000);
});
