import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { SeededFunder } from '../../infra/local/scenario';
import { contractBody, register } from '../support/contract';
import { fundedConsortium, publishedTender, tenderBody } from '../support/tender';
import { useTestStack } from '../support/use-stack';

const { stack, funders } = useTestStack({ seed: true });
const council = () => funders[0] as SeededFunder;

/** Parsed by ical.js, an independent strict parser: it throws on anything malformed. */
async function fetchCalendar(url: string) {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
  const comp = new ICAL.Component(ICAL.parse(await res.text()));
  for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const events = comp.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      sequence: e.sequence,
      summary: e.summary,
      tzid: e.startDate.zone?.tzid,
      wall: e.startDate.toString(),
      utc: e.startDate.toJSDate().toISOString(),
      endWall: e.endDate.toString(),
      endUtc: e.endDate.toJSDate().toISOString(),
    };
  });
  return { comp, events };
}

const rotate = (path: string, as = council()) => stack.api.call<{ url: string; replaced: boolean }>(as.admin, 'POST', path, {});

describe('calendar feeds for Outlook and Google', () => {
  it("a council's feed: a VEVENT per milestone at 09:00 London, stable UIDs, SEQUENCE bumped when a date moves, its tenders' deadlines", async () => {
    // The test clock starts in April: one milestone in summer (BST) and one in winter (GMT).
    const body = contractBody(stack, 'Feed contract', [20, 250]);
    const c = await register(stack, council(), body);
    const setup = await fundedConsortium(stack, funders, 'Feed Fund', 1_000_000);
    const tender = await publishedTender(stack, funders, tenderBody(stack, funders, setup.pool.id, { title: 'Feed tender' }));

    const { url, replaced } = await rotate(`/councils/${council().org.id}/calendar-feed`);
    expect(replaced).toBe(false);
    expect(url).toMatch(/\/cal\/[A-Za-z0-9_-]{43}$/);
    const first = await fetchCalendar(url);
    expect(first.comp.getFirstPropertyValue('x-wr-calname')).toBe('Wyvernshire County Council (grantloop)');
    expect(first.comp.getFirstPropertyValue('refresh-interval')?.toString()).toBe('PT1H');
    expect(first.comp.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/London');

    const mine = (events: typeof first.events) => events.filter((e) => e.uid.startsWith(`milestone-${c.id}-`));
    const [m1, m2] = mine(first.events);
    expect(mine(first.events)).toHaveLength(2);
    expect(m1).toMatchObject({ uid: `milestone-${c.id}-M1@grantloop`, sequence: 0, tzid: 'Europe/London' });
    const due = (i: number) => body.milestones[i]?.dueDate as string;
    expect([m1?.wall, m1?.utc]).toEqual([`${due(0)}T09:00:00`, `${due(0)}T08:00:00.000Z`]);
    expect([m2?.wall, m2?.utc]).toEqual([`${due(1)}T09:00:00`, `${due(1)}T09:00:00.000Z`]);
    // The tender's bid deadline, at its exact time in London.
    const bids = first.events.find((e) => e.uid === `tender-${tender.id}-submissions@grantloop`);
    expect(bids?.summary).toBe('Bids close: Feed tender');
    expect(new Date(bids?.utc ?? '').getTime()).toBe(new Date(tender.dates.submissionDeadline).getTime());

    // Rendered again: the same UIDs. A moved date: the same UID, SEQUENCE one more.
    expect((await fetchCalendar(url)).events.map((e) => e.uid)).toEqual(first.events.map((e) => e.uid));
    await stack.api.call(council().admin, 'POST', `/contracts/${c.id}/amendments`, { why: 'Later start', dueDates: { M1: due(1) } });
    const moved = mine((await fetchCalendar(url)).events)[0];
    expect(moved).toMatchObject({ uid: m1?.uid, sequence: 1, wall: `${due(1)}T09:00:00` });
  });

  it('a tender whose bids close at 23:45 London: the feed still answers, and the deadline ends at 00:15 the next day', async () => {
    // Before the fix the 30-minute event ended at "T24:15:00", and the whole feed answered 500.
    expect(stack.clock.now().toISOString() < '2026-04-10').toBe(true);
    const setup = await fundedConsortium(stack, funders, 'Late Fund', 1_000_000);
    const body = tenderBody(stack, funders, setup.pool.id, { title: 'Late tender' });
    // 20 April 2026 is in BST (UTC+1): 23:45 London is 22:45 UTC.
    body.dates = {
      clarificationDeadline: '2026-04-10T12:00:00Z',
      submissionDeadline: '2026-04-20T22:45:00Z',
      evaluationEnd: '2026-04-25T12:00:00Z',
      awardDecision: '2026-04-30T12:00:00Z',
    };
    const tender = await publishedTender(stack, funders, body);
    const c = await register(stack, council(), contractBody(stack, 'Late feed contract', [30]));

    const { url } = await rotate(`/councils/${council().org.id}/calendar-feed`);
    const { events } = await fetchCalendar(url);
    expect(events.find((e) => e.uid === `tender-${tender.id}-submissions@grantloop`)).toMatchObject({
      summary: 'Bids close: Late tender',
      tzid: 'Europe/London',
      wall: '2026-04-20T23:45:00',
      endWall: '2026-04-21T00:15:00',
      utc: '2026-04-20T22:45:00.000Z',
      endUtc: '2026-04-20T23:15:00.000Z',
    });
    // The rest of the council's calendar is there too.
    expect(events.map((e) => e.uid)).toContain(`milestone-${c.id}-M1@grantloop`);
    expect(events.map((e) => e.uid)).toContain(`tender-${tender.id}-award@grantloop`);
  });

  it("a rotated feed URL stops working; a feed URL opens nothing else; only the council's officers rotate it", async () => {
    const a = await register(stack, council(), contractBody(stack, 'Own feed A', [30]));
    const b = await register(stack, council(), contractBody(stack, 'Own feed B', [40]));
    const old = await rotate(`/contracts/${a.id}/calendar-feed`);
    const uids = (await fetchCalendar(old.url)).events.map((e) => e.uid);
    expect(uids).toEqual([`milestone-${a.id}-M1@grantloop`]);
    expect(uids.some((u) => u.includes(b.id))).toBe(false);

    const fresh = await rotate(`/contracts/${a.id}/calendar-feed`);
    expect(fresh.replaced).toBe(true);
    expect((await fetch(old.url)).status).toBe(404);
    expect((await fetchCalendar(fresh.url)).events).toHaveLength(1);

    const token = fresh.url.split('/cal/')[1] as string;
    for (const path of [`/r/${token}`, `/b/${token}`, `/m/${token}`])
      expect((await fetch(`${stack.runtime.apiUrl}${path}`)).status, path).toBe(404);
    const asBearer = await fetch(`${stack.runtime.apiUrl}/contracts/${a.id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(asBearer.status).toBe(401);

    const outsider = funders[2] as SeededFunder;
    expect((await stack.request('POST', `/contracts/${a.id}/calendar-feed`, { as: outsider.admin })).status).toBe(404);
    expect((await stack.request('POST', `/councils/${council().org.id}/calendar-feed`, { as: outsider.admin })).status).toBe(404);
    expect((await fetch(`${stack.runtime.apiUrl}/cal/${'A'.repeat(43)}`)).status).toBe(404);
  });
});
