import { beforeAll, describe, expect, it } from 'vitest';
import type { Proposal, Round } from '../../shared/pools/round';
import { addProvider, EASTBROOK } from '../support/consortia';
import { errorSummary, type PageClient, signInAs } from '../support/pages';
import { setupPool } from '../support/pool';
import { useTestStack } from '../support/use-stack';

/**
 * Adding a proposal to an open round from the browser, as a member's officer does with
 * JavaScript off: the recipient chosen from the providers, what it is for, the money, check your
 * answers, a confirmation offering another. Mistakes are named by the pages' labels and write
 * nothing; the round page then shows the proposal with its recipient's name.
 */
const { stack, funders, funder: f } = useTestStack({ seed: true });
let round: Round;
let recipient: { id: string; name: string };
const base = () => `/app/rounds/${round.id}/proposals/new`;
const read = () => stack.api.call<Round & { proposals: Proposal[] }>(f(0).admin, 'GET', `/rounds/${round.id}`);
const post = async (c: PageClient, page: string, fields: Record<string, string>) =>
  c.post(`${base()}?page=${page}`, { page, ...fields, csrf: await c.csrf() });

beforeAll(async () => {
  recipient = await addProvider(stack, EASTBROOK);
  const setup = await setupPool(stack, funders, 'Proposal Journey Fund');
  await setup.receive(await setup.pledge(f(0), 5_000_000), 5_000_000);
  round = await stack.api.call<Round>(f(0).admin, 'POST', `/pools/${setup.pool.id}/rounds`, { name: 'Winter round' });
  await stack.runtime.settle();
});

describe('adding a proposal in the browser', () => {
  it('goes from the round page through the questions to a confirmation; mistakes are named, kept and write nothing', async () => {
    const member = await signInAs(stack, f(1).admin.email);
    expect((await member.get(`/app/rounds/${round.id}`)).html).toContain(`href="${base()}"`);
    const first = await member.get(base());
    expect(first.html).toContain('Who would receive the grant?');
    expect(first.html).toContain('Eastbrook CVS');

    const none = await post(member, 'recipient', {});
    expect(none.status).toBe(400);
    expect(errorSummary(none.html)).toEqual([['recipientOrgId', 'Select the organisation that would receive the grant']]);
    expect((await post(member, 'recipient', { recipientOrgId: recipient.id })).location).toBe(`${base()}?page=about`);

    const empty = await post(member, 'about', { title: '', description: '' });
    expect(errorSummary(empty.html)).toEqual([['title', 'Enter the title of the proposal']]);
    const long = await post(member, 'about', { title: 't'.repeat(201), description: 'd'.repeat(2001) });
    expect(errorSummary(long.html)).toEqual([
      ['title', 'Title must be 200 characters or fewer'],
      ['description', 'Description must be 2,000 characters or fewer'],
    ]);
    expect(long.html).toContain('d'.repeat(2001));
    const about = await post(member, 'about', { title: 'Volunteer brokerage', description: 'Matching volunteers with groups' });
    expect(about.location).toBe(`${base()}?page=money`);

    const noMoney = await post(member, 'money', { amount: '', durationMonths: '' });
    expect(errorSummary(noMoney.html)).toEqual([
      ['amount', 'Enter the amount of the grant'],
      ['lotId', 'Select the lot, or no particular lot'],
      ['durationMonths', 'Enter how many months the grant runs for'],
    ]);
    const wrong = await post(member, 'money', { amount: '1,000.999', durationMonths: '121', lotId: 'north' });
    expect(errorSummary(wrong.html)).toEqual([
      ['amount', 'Amount must be in pounds and pence, with no more than 2 decimal places'],
      ['durationMonths', 'Duration in months must be 120 or less'],
    ]);
    expect(wrong.html).toContain('value="1,000.999"');
    expect(errorSummary((await post(member, 'money', { amount: '10', durationMonths: '0', lotId: 'none' })).html)).toEqual([
      ['durationMonths', 'Duration in months must be 1 or more'],
    ]);
    expect((await read()).proposals).toEqual([]);

    const money = await post(member, 'money', { amount: '12,500', durationMonths: '12', lotId: 'north' });
    expect(money.location).toBe(`${base()}?page=check`);
    const check = await member.get(`${base()}?page=check`);
    expect(check.html).toContain('Check your answers before you add the proposal');
    for (const shown of ['Eastbrook CVS', 'Volunteer brokerage', '£12,500.00', '12 months', 'North Wyvern'])
      expect(check.html).toContain(shown);
    const sent = await member.post(`${base()}?page=check`, { page: 'check', csrf: await member.csrf() });
    expect(sent.location).toMatch(new RegExp(`^${base()}\\?page=done&created=[0-9A-Z]{26}$`));
    const done = await member.get(sent.location as string);
    expect(done.html).toContain('Proposal added');
    expect(done.html).toContain(`href="${base()}">Add another proposal`);
    expect(done.html).toContain(`href="/app/rounds/${round.id}">Go to the round`);

    expect((await read()).proposals).toMatchObject([
      {
        recipientOrgId: recipient.id,
        title: 'Volunteer brokerage',
        description: 'Matching volunteers with groups',
        amount: 1_250_000,
        durationMonths: 12,
        lotId: 'north',
        status: 'proposed',
      },
    ]);
    const page = (await member.get(`/app/rounds/${round.id}`)).html;
    for (const shown of ['Eastbrook CVS', 'Matching volunteers with groups', 'North Wyvern', '£12,500.00']) expect(page).toContain(shown);
    expect(page).not.toContain(recipient.id);
  });

  it('a proposal for no particular lot leaves the lot out', async () => {
    const lead = await signInAs(stack, f(0).admin.email);
    await post(lead, 'recipient', { recipientOrgId: recipient.id });
    await post(lead, 'about', { title: 'Core support', description: '' });
    await post(lead, 'money', { amount: '500', durationMonths: '6', lotId: 'none' });
    expect((await lead.get(`${base()}?page=check`)).html).toContain('No particular lot');
    await lead.post(`${base()}?page=check`, { page: 'check', csrf: await lead.csrf() });
    const added = (await read()).proposals.find((p) => p.title === 'Core support');
    expect(added).toMatchObject({ amount: 50_000, durationMonths: 6 });
    expect(added).not.toHaveProperty('lotId');
    expect(added).not.toHaveProperty('description');
  });

  it('adds a recipient that is not listed on the way: each detail asked for, an org-id already on grantloop refused by name', async () => {
    const lead = await signInAs(stack, f(0).admin.email);
    expect((await lead.get(base())).html).toContain('The recipient is not listed');
    const blank = await post(lead, 'recipient', {
      recipientOrgId: 'new',
      'newRecipient.name': '',
      'newRecipient.identifier': '',
      'newRecipient.contactEmail': '',
    });
    expect(errorSummary(blank.html)).toEqual([
      ['newRecipient.name', "Enter the recipient's name"],
      ['newRecipient.identifier', "Enter the recipient's org-id"],
      ['newRecipient.contactEmail', "Enter the recipient's contact email"],
    ]);
    const taken = { recipientOrgId: 'new', 'newRecipient.name': 'Eastbrook Again', 'newRecipient.identifier': 'GB-CHC-1066001' };
    expect((await post(lead, 'recipient', { ...taken, 'newRecipient.contactEmail': 'hello@eastbrook.example.org' })).location).toBe(
      `${base()}?page=about`,
    );
    await post(lead, 'about', { title: 'Digital skills', description: '' });
    await post(lead, 'money', { amount: '750', durationMonths: '9', lotId: 'south' });
    const refused = await lead.post(`${base()}?page=check`, { page: 'check', csrf: await lead.csrf() });
    expect(refused.status).toBe(400);
    // On check your answers, the error links back to the question that asks for the org-id.
    expect(refused.html).toContain(
      `<a href="${base()}?page=recipient&amp;return=check#newRecipient.identifier">Recipient&#39;s org-id: GB-CHC-1066001 is already on grantloop as Eastbrook CVS: choose it from the list</a>`,
    );
    expect((await read()).proposals.some((p) => p.title === 'Digital skills')).toBe(false);

    const fresh = { ...taken, 'newRecipient.name': 'Westfield Youth Trust', 'newRecipient.identifier': 'GB-CHC-1099887' };
    await post(lead, 'recipient', { ...fresh, 'newRecipient.contactEmail': 'hello@westfield.example.org' });
    expect((await lead.get(`${base()}?page=check`)).html).toContain('Westfield Youth Trust (GB-CHC-1099887, hello@westfield.example.org)');
    expect((await lead.post(`${base()}?page=check`, { page: 'check', csrf: await lead.csrf() })).location).toMatch(/page=done/);
    const { organisations } = await stack.api.call<{ organisations: { id: string; name: string; identifier: string }[] }>(
      f(0).admin,
      'GET',
      '/organisations?kind=provider',
    );
    const added = organisations.find((o) => o.identifier === 'GB-CHC-1099887');
    expect(added?.name).toBe('Westfield Youth Trust');
    expect((await read()).proposals.find((p) => p.title === 'Digital skills')).toMatchObject({ recipientOrgId: added?.id, lotId: 'south' });
    expect((await lead.get(`/app/rounds/${round.id}`)).html).toContain('Westfield Youth Trust');
  });

  it('the API takes the same input: a recipient on grantloop or a new one, never both', async () => {
    const body = { title: 'Both', amount: 100, currency: 'GBP', durationMonths: 3 };
    const newRecipient = { name: 'Northgate Care', identifier: 'GB-CHC-1099123', contactEmail: 'hi@northgate.example.org' };
    const both = stack.api.call(f(0).admin, 'POST', `/rounds/${round.id}/proposals`, {
      ...body,
      recipientOrgId: recipient.id,
      newRecipient,
    });
    await expect(both).rejects.toMatchObject({ status: 400, body: { issues: [{ field: 'body.recipientOrgId' }] } });
    const added = await stack.api.call<Proposal>(f(0).admin, 'POST', `/rounds/${round.id}/proposals`, { ...body, newRecipient });
    expect(added.recipientOrgId).toMatch(/^[0-9A-Z]{26}$/);
    expect(added).not.toHaveProperty('newRecipient');
  });

  it('is not offered to an observer, who gets the not-found page', async () => {
    const observer = await signInAs(stack, f(5).admin.email);
    expect((await observer.get(`/app/rounds/${round.id}`)).html).not.toContain(base());
    expect((await observer.get(base())).status).toBe(404);
    expect((await post(observer, 'recipient', { recipientOrgId: recipient.id })).status).toBe(404);
  });
});
