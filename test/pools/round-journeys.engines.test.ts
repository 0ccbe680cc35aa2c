import { beforeAll, describe, expect, it } from 'vitest';
import { timeInWords } from '../../shared/platform/format';
import type { Round } from '../../shared/pools/round';
import { addProvider } from '../support/consortia';
import { errorSummary, type PageClient, sendCheck, signInAs } from '../support/pages';
import { setupPool } from '../support/pool';
import { useTestStack } from '../support/use-stack';

/**
 * Opening a round and closing it for voting from the browser, with JavaScript off: the start
 * links are shown only to the lead's admins, mistakes are named by the page's label and write
 * nothing, and the round page then says until when voting is open.
 */
const { stack, funders, funder: f } = useTestStack({ seed: true });
let poolId: string;
let consortiumId: string;
const base = () => `/app/pools/${poolId}/rounds/new`;

beforeAll(async () => {
  const setup = await setupPool(stack, funders, 'Round Journey Fund');
  poolId = setup.pool.id;
  consortiumId = setup.consortium.id;
  await setup.receive(await setup.pledge(f(0), 500_000), 500_000);
});

const post = async (c: PageClient, page: string, fields: Record<string, string>) =>
  c.post(`${base()}?page=${page}`, { page, ...fields, csrf: await c.csrf() });

describe('opening a round in the browser', () => {
  it('goes from the rounds list and the pool page to a confirmation linking to the round; mistakes are named and nothing written', async () => {
    const lead = await signInAs(stack, f(0).admin.email);
    expect((await lead.get(`/app/consortia/${consortiumId}/rounds`)).html).toContain(`href="${base()}"`);
    expect((await lead.get(`/app/pools/${poolId}`)).html).toContain(`href="${base()}"`);
    expect((await lead.get(base())).html).toContain('What is the round called?');
    const noRounds = async () => (await lead.get(`/app/consortia/${consortiumId}/rounds`)).html.includes('No pool has opened a round yet.');
    expect(await noRounds()).toBe(true);

    const empty = await post(lead, 'about', { name: '' });
    expect(empty.status).toBe(400);
    expect(errorSummary(empty.html)).toEqual([['name', 'Enter the name of the round']]);
    const long = await post(lead, 'about', { name: 'r'.repeat(201) });
    expect(errorSummary(long.html)).toEqual([['name', 'Name of the round must be 200 characters or fewer']]);
    expect(long.html).toContain('r'.repeat(201));
    expect(await noRounds()).toBe(true);

    expect((await post(lead, 'about', { name: 'Spring small grants' })).location).toBe(`${base()}?page=check`);
    const check = await lead.get(`${base()}?page=check`);
    expect(check.html).toContain('Check your answers before you open the round');
    expect(check.html).toContain('Round Journey Fund pool');
    const { id: roundId, done } = await sendCheck(lead, base());
    expect(done).toContain('Round opened');
    expect(done).toContain(`href="/app/rounds/${roundId}"`);
    const round = await stack.api.call<Round>(f(0).admin, 'GET', `/rounds/${roundId}`);
    expect(round).toMatchObject({ name: 'Spring small grants', poolId, status: 'open' });
  });

  it('is not offered to a member, who gets the not-found page', async () => {
    const member = await signInAs(stack, f(1).admin.email);
    expect((await member.get(`/app/consortia/${consortiumId}/rounds`)).html).not.toContain(base());
    expect((await member.get(`/app/pools/${poolId}`)).html).not.toContain(base());
    expect((await member.get(base())).status).toBe(404);
    expect((await post(member, 'about', { name: 'Not mine' })).status).toBe(404);
  });
});

describe('closing a round from its page', () => {
  it('warns who is emailed, refuses a round with no proposals on the page, then closes it and says until when voting is open', async () => {
    const provider = await addProvider(stack, ['Harbour Arts', 'GB-CHC-1066002', 'office@harbour-arts.example.org']);
    const round = await stack.api.call<Round>(f(0).admin, 'POST', `/pools/${poolId}/rounds`, { name: 'Closing round' });
    await stack.runtime.settle();
    const read = () => stack.api.call<Round>(f(0).admin, 'GET', `/rounds/${round.id}`);
    const close = async (c: PageClient) => c.post(`/app/rounds/${round.id}`, { action: 'close', csrf: await c.csrf() });
    const lead = await signInAs(stack, f(0).admin.email);
    const open = (await lead.get(`/app/rounds/${round.id}`)).html;
    expect(open).toContain('Close the round and start voting');
    // The voting members are named (the lead and four members); the observer does not vote.
    for (const i of [0, 1, 2, 3, 4]) expect(open).toContain(f(i).org.name);
    expect(open.slice(open.indexOf('id="close"'))).not.toContain(f(5).org.name);
    expect(open).toContain('within 7 days');

    const empty = await close(lead);
    expect(empty.status).toBe(400);
    expect(errorSummary(empty.html)).toEqual([['close', 'Round Closing round has no proposals to vote on']]);
    expect((await read()).status).toBe('open');

    const member = await signInAs(stack, f(1).admin.email);
    expect((await member.get(`/app/rounds/${round.id}`)).html).not.toContain('value="close"');
    await stack.api.call(f(1).admin, 'POST', `/rounds/${round.id}/proposals`, {
      recipientOrgId: provider.id,
      title: 'Arts outreach',
      amount: 100_000,
      currency: 'GBP',
      durationMonths: 12,
    });
    expect((await close(member)).status).toBe(404);
    expect((await read()).status).toBe('open');

    const closed = await close(lead);
    expect([closed.status, closed.location]).toEqual([303, `/app/rounds/${round.id}?done=closed`]);
    await stack.runtime.settle();
    const after = await read();
    expect(after.status).toBe('voting');
    const page = (await lead.get(closed.location as string)).html;
    expect(page).toContain('The round is closed and voting has started');
    expect(page).toContain('Voting open until');
    expect(page).toContain(timeInWords(new Date(Date.parse(after.closedAt as string) + 7 * 86_400_000)));
    expect(page).not.toContain('value="close"');
    // No more proposals: the journey says so, and its use case refuses one.
    expect(page).not.toContain(`/app/rounds/${round.id}/proposals/new`);
    expect((await lead.get(`/app/rounds/${round.id}/proposals/new`)).html).toContain(
      'Closing round is closed: proposals can only be added while the round is open.',
    );
  });
});

describe('awarding a grant straight from the pool', () => {
  const award = () => `/app/pools/${poolId}/grants/new`;
  const at = async (c: PageClient, page: string, fields: Record<string, string>) =>
    c.post(`${award()}?page=${page}`, { page, ...fields, csrf: await c.csrf() });

  it('goes from the pool page to the grant; mistakes are named, and more than the pool has is refused on check your answers', async () => {
    const provider = await addProvider(stack, ['Coastline Advice', 'GB-CHC-1066003', 'office@coastline.example.org']);
    const lead = await signInAs(stack, f(0).admin.email);
    expect((await lead.get(`/app/pools/${poolId}`)).html).toContain(`href="${award()}"`);
    expect(errorSummary((await at(lead, 'recipient', {})).html)).toEqual([
      ['recipientOrgId', 'Select the organisation that receives the grant'],
    ]);
    await at(lead, 'recipient', { recipientOrgId: provider.id });
    await at(lead, 'about', { title: 'Debt advice', description: 'Advice sessions in the north' });
    expect((await at(lead, 'money', { amount: '6,000', lotId: 'none', durationMonths: '12' })).location).toBe(`${award()}?page=check`);
    const tooMuch = await lead.post(`${award()}?page=check`, { page: 'check', csrf: await lead.csrf() });
    expect(tooMuch.status).toBe(400);
    expect(errorSummary(tooMuch.html)).toEqual([
      ['send', 'Not enough money in the pool that this grant may use: £6,000.00 needed, £5,000.00 available'],
    ]);
    expect((await stack.api.call<{ grants: number }>(f(0).admin, 'GET', `/pools/${poolId}`)).grants).toBe(0);

    const changed = await lead.post(`${award()}?page=money&return=check`, {
      page: 'money',
      return: 'check',
      amount: '2,000',
      lotId: 'none',
      durationMonths: '12',
      csrf: await lead.csrf(),
    });
    expect(changed.location).toBe(`${award()}?page=check`);
    const sent = await lead.post(`${award()}?page=check`, { page: 'check', csrf: await lead.csrf() });
    const grantId = /created=([0-9A-Z]{26})/.exec(sent.location ?? '')?.[1];
    const done = await lead.get(sent.location as string);
    expect(done.html).toContain('Grant awarded');
    expect(done.html).toContain(`href="/app/grants/${grantId}"`);
    const grant = await stack.api.call<Record<string, unknown>>(f(0).admin, 'GET', `/grants/${grantId}`);
    expect(grant).toMatchObject({ recipientOrgId: provider.id, title: 'Debt advice', amount: 200_000, durationMonths: 12 });
  });

  it('is not offered to a member, who gets the not-found page', async () => {
    const member = await signInAs(stack, f(1).admin.email);
    expect((await member.get(`/app/pools/${poolId}`)).html).not.toContain(award());
    expect((await member.get(award())).status).toBe(404);
  });
});
