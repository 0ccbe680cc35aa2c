import { beforeAll, describe, expect, it } from 'vitest';
import type { SeededFunder } from '../../infra/local/scenario';
import type { Consortium } from '../../shared/consortia/consortium';
import type { User } from '../../shared/consortia/store';
import { addProvider, addStaff, proposeConsortium } from '../support/consortia';
import { errorSummary, expectNameRefused, type PageClient, signInAs } from '../support/pages';
import { DAY } from '../support/stack';
import { useTestStack } from '../support/use-stack';

/**
 * Proposing a consortium from the browser, as a funder's admin does with JavaScript off: the
 * name, place and lead; the other funders one at a time with their roles; the quorum; check your
 * answers; a confirmation naming who is emailed. Mistakes are named by the pages' labels and
 * write nothing; the members receive the invitation; the proposal is reachable from what needs
 * me and its page says who has answered; only a funder's admins (and the platform admin) see it.
 */
const { stack, funders, funder: f } = useTestStack({ seed: true });
let viewer: User;
let providerStaff: User;
const base = '/app/consortia/new';

beforeAll(async () => {
  viewer = await addStaff(stack, f(0).org.id, { email: 'vera.viewer@wyvernshire.example.org', name: 'Vera Viewer', role: 'viewer' });
  const provider = await addProvider(stack, ['Harbour Arts', 'GB-CHC-1199301', 'hello@harbour-arts.example.org']);
  providerStaff = await addStaff(stack, provider.id, { email: 'pat@harbour-arts.example.org', name: 'Pat Provider', role: 'admin' });
});

/** The consortia the lead's organisation is in, read through the API: what a refused page must not change. */
const consortiaOfLead = async () =>
  (await stack.api.call<{ consortia: unknown[] }>(f(0).admin, 'GET', `/organisations/${f(0).org.id}`)).consortia;
const post = async (c: PageClient, page: string, fields: Record<string, string>) =>
  c.post(`${base}?page=${page}`, { page, ...fields, csrf: await c.csrf() });
const mailTo = async (address: string, subject: RegExp) =>
  (await stack.runtime.emails()).filter((e) => e.destination.to.includes(address) && subject.test(e.subject));

describe('proposing a consortium in the browser', () => {
  it('offers the start link on what needs me only to those who may propose one', async () => {
    for (const email of [f(0).admin.email, f(1).admin.email, stack.admin.email]) {
      const home = (await (await signInAs(stack, email)).get('/app')).html;
      expect(home, email).toContain(`href="${base}"`);
      expect(home).toContain('Propose a consortium');
    }
    for (const email of [viewer.email, providerStaff.email])
      expect((await (await signInAs(stack, email)).get('/app')).html, email).not.toContain(base);
  });

  it('goes through question pages, check your answers and a confirmation, with mistakes named and nothing written', async () => {
    const lead = await signInAs(stack, f(0).admin.email);
    const first = await lead.get(base);
    expect(first.html).toContain('About the consortium');
    // The lead is not asked: Ruth is an admin of one funder only.
    expect(first.html).toContain('Wyvernshire County Council will lead the consortium');
    const before = JSON.stringify(await consortiaOfLead());

    const long = await expectNameRefused((fields) => post(lead, 'about', fields), 'consortium', {
      field: 'place',
      blank: ' ',
      message: 'Enter the place the consortium serves',
      good: 'Wyvernshire',
    });
    expect(long).toContain('value="Wyvernshire"');
    const about = await post(lead, 'about', { name: 'Wyvern Coast Fund', place: 'Wyvernshire coast' });
    expect([about.status, about.location]).toEqual([303, `${base}?page=members`]);

    const none = await post(lead, 'members', { do: 'continue' });
    expect(errorSummary(none.html)).toEqual([['members', 'Add at least one other funder as a member or observer']]);
    const blank = await post(lead, 'members', { do: 'add' });
    expect(errorSummary(blank.html)).toEqual([
      ['members.1.orgId', 'Select the organisation to add'],
      ['members.1.role', 'Select its role'],
    ]);
    const adds: [SeededFunder, string][] = [
      [f(1), 'member'],
      [f(2), 'member'],
      [f(3), 'observer'],
    ];
    for (const [i, [funder, role]] of adds.entries()) {
      const added = await post(lead, 'members', { do: 'add', [`members.${i + 1}.orgId`]: funder.org.id, [`members.${i + 1}.role`]: role });
      expect(added.location).toBe(`${base}?page=members`);
    }
    // Remove the second added (the ICB): Harbourside Trust takes its place. The lead is no list item: it cannot be removed here.
    expect((await post(lead, 'members', { do: 'remove-2' })).location).toBe(`${base}?page=members`);
    await post(lead, 'members', { do: 'remove-0' });
    const members = (await lead.get(`${base}?page=members`)).html;
    expect(members).toContain('Eastbrook District Council (member)');
    expect(members).toContain('Harbourside Trust (observer)');
    expect(members).not.toContain('NHS Wyvern Integrated Care Board (');
    // Offered: only funders not yet listed (the ICB again), never the lead or one already in.
    expect(members).toContain(`value="${f(2).org.id}"`);
    for (const taken of [f(0), f(1), f(3)]) expect(members).not.toContain(`value="${taken.org.id}"`);
    expect((await post(lead, 'members', { do: 'continue' })).location).toBe(`${base}?page=quorum`);

    for (const [typed, message] of [
      ['half', 'Quorum must be a whole number, like 12'],
      ['101', 'Quorum must be 100 or less'],
      ['0', 'Quorum must be 1 or more'],
    ]) {
      const wrong = await post(lead, 'quorum', { quorumPercent: typed as string });
      expect(wrong.status).toBe(400);
      expect(errorSummary(wrong.html)).toEqual([['quorumPercent', message]]);
      expect(wrong.html).toContain(`value="${typed}"`);
    }
    expect((await post(lead, 'quorum', { quorumPercent: '60' })).location).toBe(`${base}?page=check`);
    expect(JSON.stringify(await consortiaOfLead())).toBe(before);

    const check = await lead.get(`${base}?page=check`);
    expect(check.status).toBe(200);
    expect(check.html).toContain('Check your answers before you propose the consortium');
    for (const text of [
      'Wyvern Coast Fund',
      'Wyvernshire coast',
      'Wyvernshire County Council',
      'Eastbrook District Council (member)',
      '60%',
    ])
      expect(check.html).toContain(text);
    expect(check.html).toContain('Harbourside Trust (observer)');
    // Names, never ids (the navigation's Contracts link carries the council's id: only the page itself is read).
    const main = /<main[\s\S]*<\/main>/.exec(check.html)?.[0] ?? '';
    for (const funder of funders) expect(main).not.toContain(funder.org.id);

    const sent = await lead.post(`${base}?page=check`, { page: 'check', csrf: await lead.csrf() });
    expect(sent.location).toMatch(/^\/app\/consortia\/new\?page=done&created=[0-9A-Z]{26}$/);
    const id = /created=([0-9A-Z]{26})/.exec(sent.location ?? '')?.[1] as string;
    const made = await stack.api.call<Consortium>(f(0).admin, 'GET', `/consortia/${id}`);
    expect(made).toMatchObject({
      name: 'Wyvern Coast Fund',
      place: 'Wyvernshire coast',
      leadOrgId: f(0).org.id,
      status: 'inviting',
      quorumPercent: 60,
    });
    // Members in any order: the store need not keep the order they were listed in.
    expect(made.members.map((m) => `${m.orgId} ${m.role}`).sort()).toEqual(
      [`${f(0).org.id} lead`, `${f(1).org.id} member`, `${f(3).org.id} observer`].sort(),
    );
    const done = await lead.get(sent.location as string);
    expect(done.html).toContain('Consortium proposed');
    expect(done.html).toContain('Eastbrook District Council (member), at grants@eastbrook.example.org');
    expect(done.html).toContain('Harbourside Trust (observer), at grants@harbourside.example.org');
    expect(done.html).toContain('Wyvernshire County Council (lead), at communities@wyvernshire.example.org');
    expect(done.html).toContain(`href="/app/consortia/${id}"`);
    // The draft is gone: starting again starts empty.
    expect((await lead.get(base)).html).not.toContain('Wyvern Coast Fund');

    await stack.runtime.settle();
    for (const funder of [f(0), f(1), f(3)])
      expect(await mailTo(funder.org.contactEmail, /^Wyvern Coast Fund: .* has been added as/), funder.org.name).toHaveLength(1);
    expect(await mailTo(f(2).org.contactEmail, /^Wyvern Coast Fund/)).toHaveLength(0);
    const [toMember] = await mailTo(f(1).org.contactEmail, /^Wyvern Coast Fund/);
    expect(toMember?.body.text).toContain(
      'Wyvernshire County Council is setting up the Wyvern Coast Fund consortium for Wyvernshire coast',
    );

    await reachableAndExplained(id);
  });

  /** A member finds the proposal from what needs me and reads who has answered; the lead confirms it there. */
  async function reachableAndExplained(id: string) {
    const member = await signInAs(stack, f(1).admin.email);
    const home = (await member.get('/app')).html;
    expect(home).toContain(`href="/app/consortia/${id}"`);
    expect(home).toContain('Wyvern Coast Fund</a> (Wyvernshire coast, proposed, waiting for its lead to confirm)');
    const page = (await member.get(`/app/consortia/${id}`)).html;
    expect(page).toContain('Waiting for Wyvernshire County Council to confirm');
    expect(page).toContain('Emailed to grants@eastbrook.example.org');
    expect(page).toMatch(/Wyvernshire County Council<\/td>.*?Not confirmed yet/s);
    expect(page).toMatch(/Eastbrook District Council<\/td>.*?No answer needed/s);
    expect(page).not.toContain('Confirm the consortium</button>');

    const lead = await signInAs(stack, f(0).admin.email);
    expect((await lead.get('/app')).html).toContain('Confirm Wyvern Coast Fund');
    expect((await lead.get(`/app/consortia/${id}`)).html).toContain('Confirm the consortium');
    const confirmed = await lead.post(`/app/consortia/${id}`, { action: 'confirm', csrf: await lead.csrf() });
    expect(confirmed.status).toBe(303);
    await stack.runtime.settle();
    expect((await stack.api.call<Consortium>(f(0).admin, 'GET', `/consortia/${id}`)).status).toBe('active');
    expect((await member.get(`/app/consortia/${id}`)).html).not.toContain('Waiting for');
  }

  it('lets the platform admin choose the lead among the funders, and names a lead left unchosen', async () => {
    const admin = await signInAs(stack, stack.admin.email);
    const page = (await admin.get(base)).html;
    expect(page).toContain('Which organisation will lead it?');
    for (const funder of funders) expect(page).toContain(`value="${funder.org.id}"`);
    const empty = await post(admin, 'about', { name: 'Admin Fund', place: 'Wyvernshire' });
    expect(errorSummary(empty.html)).toEqual([['members.0.orgId', 'Select the organisation that will lead it']]);
    expect(empty.html).toContain('value="Admin Fund"');

    // Changing the lead to a funder already listed as a member: the use case refuses it, named, on check your answers.
    await post(admin, 'about', { name: 'Admin Fund', place: 'Wyvernshire', 'members.0.orgId': f(1).org.id });
    await post(admin, 'members', { do: 'add', 'members.1.orgId': f(2).org.id, 'members.1.role': 'member' });
    await post(admin, 'about', { name: 'Admin Fund', place: 'Wyvernshire', 'members.0.orgId': f(2).org.id, return: 'check' });
    const refused = await admin.post(`${base}?page=check`, { page: 'check', csrf: await admin.csrf() });
    expect(refused.status).toBe(400);
    expect(errorSummary(refused.html)).toEqual([['send', 'NHS Wyvern Integrated Care Board is listed more than once']]);
    const ofIcb = await stack.api.call<{ consortia: unknown[] }>(stack.admin, 'GET', `/organisations/${f(2).org.id}`);
    expect(ofIcb.consortia).toEqual([]);
  });

  it('is for a funder admin as the lead of their own funder, and the not-found page to anyone else', async () => {
    const member = await signInAs(stack, f(1).admin.email);
    expect((await member.get(base)).html).toContain('Eastbrook District Council will lead the consortium');
    for (const who of [viewer, providerStaff]) {
      const client = await signInAs(stack, who.email);
      expect((await client.get(base)).status, who.email).toBe(404);
      expect((await post(client, 'about', { name: 'Sneaky Fund', place: 'Nowhere' })).status, who.email).toBe(404);
    }
  });

  // Last: it moves the clock past the confirmation window.
  it('says in words that a proposal its lead never confirmed has lapsed', async () => {
    const c = await proposeConsortium(stack, 'Forgotten Fund', f(0), [f(4)]);
    await stack.runtime.advanceTo(new Date(stack.clock.now().getTime() + 15 * DAY));
    const member = await signInAs(stack, f(4).admin.email);
    expect((await member.get('/app')).html).toContain('Forgotten Fund</a> (Wyvernshire, lapsed: its lead did not confirm it in time)');
    const page = (await member.get(`/app/consortia/${c.id}`)).html;
    expect(page).toContain('Wyvernshire County Council did not confirm this consortium in time, so the proposal lapsed');
    expect(page).not.toContain('Who has answered');
  });
});
