import { beforeAll, describe, expect, it } from 'vitest';
import type { SeededFunder } from '../../infra/local/scenario';
import { conditionalGrant, grant, grantFixture, linkIn, mail, openLink, postLink, scopeOf, today } from '../support/grant';
import { type PageClient, signInAs } from '../support/pages';
import { useTestStack } from '../support/use-stack';

/**
 * Issue 25's expired-link test: the provider's evidence link expires, the lead sends a new one
 * from the grant page, the old link answers 410, the new one works, and the tranche is released
 * once the evidence is accepted. Values typed by hand: the virtual clock starts on 1 April 2026;
 * a condition link works for 180 days (until 28 September 2026); the grant "Community garden"
 * has one tranche of £8,000.00 due 15 May 2026, held by its one condition.
 */
const { stack, funders, fixture: f } = useTestStack({ seed: true, fixture: grantFixture });
let grantId: string;
let lead: PageClient;

const provider = 'hello@wva.example.org';
const text = (e: { body: { text?: string } } | undefined) => e?.body.text ?? '';
const newLinks = () => mail(f, provider, /^New link: Evidence needed before payment: Community garden$/);
// The link is emailed by the event's follower: settled before anyone reads the mailbox.
const sendNewLink = async (client: PageClient) => {
  const res = await client.post(`/app/grants/${grantId}`, { csrf: await client.csrf(), condition: 'C1', action: 'new-link' });
  await stack.runtime.settle();
  return res;
};
const heading = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1]?.trim();

beforeAll(async () => {
  grantId = await conditionalGrant(f, 'Community garden', 800_000, {
    condition: 'Written permission from the landowner',
    trancheDue: '2026-05-15',
    reportDue: '2027-03-31',
  });
  lead = await signInAs(stack, f.lead.admin.email);
});

describe('a new evidence link, sent from the grant page', () => {
  let first: string;
  let second: string;

  it('is offered to the lead beside a condition waiting for evidence, and not to a member, who cannot send one', async () => {
    expect(today(stack)).toBe('2026-04-01');
    const [ask] = await mail(f, provider, /^Evidence needed before payment: Community garden$/);
    first = linkIn(ask as { body: { text?: string } });
    const page = (await lead.get(`/app/grants/${grantId}`)).html;
    expect(page).toContain('id="new-link-C1"');
    expect(page).toContain('The provider is emailed a new link to send evidence; the link they have now stops working.');

    const member = await signInAs(stack, (funders[1] as SeededFunder).admin.email);
    expect((await member.get(`/app/grants/${grantId}`)).html).not.toContain('Send a new link');
    const refused = await stack.request('POST', `/grants/${grantId}/conditions/C1/link`, { as: (funders[1] as SeededFunder).admin });
    expect(refused.status).toBe(403);
    // The page answers a member's forged form with the not-found page, as for every lead-only form.
    expect((await sendNewLink(member)).status).toBe(404);
    expect(await newLinks()).toEqual([]);
  });

  it('the expired link answers 410; the lead sends a new one; the new one works and the old stays refused', async () => {
    await stack.runtime.advanceTo(new Date('2026-09-29T12:00:00Z'));
    // Six months on, the lead's page session has ended too: signed in again, as a person would.
    lead = await signInAs(stack, f.lead.admin.email);
    const expired = await openLink(first);
    expect([expired.status, heading(expired.html)]).toEqual([410, 'This link has expired']);
    expect((await grant(f, grantId)).tranches.map((t) => t.status)).not.toContain('released');

    const sent = await sendNewLink(lead);
    expect([sent.status, sent.location]).toEqual([303, `/app/grants/${grantId}?done=new-link`]);
    expect((await lead.get(sent.location as string)).html).toContain(
      'A new link is being emailed to Wyvern Voluntary Action at hello@wva.example.org. The old link no longer works.',
    );
    const [email, ...more] = await newLinks();
    expect(more).toEqual([]);
    expect(email?.destination.to).toEqual([provider]);
    expect(text(email)).toContain(
      'Wyvernshire County Council has sent you a new link for evidence on your grant "Community garden". It replaces the earlier link, which no longer works.',
    );
    expect(text(email)).toContain('  Written permission from the landowner');
    // 180 days from 29 September 2026, to the minute it was sent, on the London clock.
    expect(text(email)).toMatch(
      /This link works once, until (\d{1,2}(:\d{2})?[ap]m|midday) on 28 March 2027\. If it stops working, ask Wyvernshire County Council \(/,
    );
    expect(text(email)).not.toMatch(/\d{4}-\d{2}-\d{2}|UTC/);
    second = linkIn(email as { body: { text?: string } });
    expect(second).not.toBe(first);
    expect((await openLink(first)).status).toBe(410);
    expect((await openLink(second)).html).toContain('Written permission from the landowner');
  });

  it('a link sent again replaces the one before it: 410 "replaced", and a POST through it saves nothing', async () => {
    // The same virtual instant: a generation, not a time, tells the links apart.
    expect((await sendNewLink(lead)).status).toBe(303);
    const replaced = await openLink(second);
    expect([replaced.status, heading(replaced.html)]).toEqual([410, 'This link has been replaced']);
    expect(replaced.html).toContain('A new link was emailed on 29 September 2026, and this one no longer works.');
    const posted = await postLink(second, { scope: 'C1', text: 'Through the replaced link' });
    expect(posted.status).toBe(410);
    expect((await grant(f, grantId)).conditions[0]?.status).toBe('pending');
  });

  it('the newest link takes the evidence; decided met, the tranche (its date passed) is released', async () => {
    const latest = (await newLinks()).at(-1);
    const url = linkIn(latest as { body: { text?: string } });
    const page = await openLink(url);
    expect(page.status).toBe(200);
    const done = await postLink(url, { scope: scopeOf(page.html), text: 'Letter from the parish council, 20 September 2026' });
    expect(done.status).toBe(200);
    await stack.runtime.settle();
    expect((await grant(f, grantId)).conditions[0]?.status).toBe('evidence-submitted');

    // Nothing left to send a link for: refused in plain English, on the page and the API alike.
    const refused = await stack.request('POST', `/grants/${grantId}/conditions/C1/link`, { as: f.lead.admin });
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toContain('the evidence for this condition has already been sent');
    expect((await lead.get(`/app/grants/${grantId}`)).html).not.toContain('id="new-link-C1"');

    const decided = await lead.post(`/app/grants/${grantId}`, { csrf: await lead.csrf(), condition: 'C1', 'outcome-C1': 'met' });
    expect(decided.status).toBe(303);
    await stack.runtime.settle();
    expect((await grant(f, grantId)).tranches.map((t) => t.status)).toEqual(['released']);

    const met = await stack.request('POST', `/grants/${grantId}/conditions/C1/link`, { as: f.lead.admin });
    expect(met.status).toBe(409);
    expect(JSON.stringify(met.body)).toContain('this condition is already met: there is nothing to send a link for');
  });
});
