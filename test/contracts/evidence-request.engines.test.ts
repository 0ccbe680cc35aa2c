import { describe, expect, it } from 'vitest';
import { fillIn, linksIn, openLink } from '../../infra/local/mailbox-links';
import type { SeededFunder } from '../../infra/local/scenario';
import { nextLondonNine } from '../../shared/contracts/alerts';
import { dayInWords } from '../../shared/platform/format';
import { addDays } from '../../shared/platform/london-time';
import { contractBody, contractFormPath, mailTo, register } from '../support/contract';
import { inDays } from '../support/grant';
import { errorSummary, type PageClient, signInAs } from '../support/pages';
import { useTestStack } from '../support/use-stack';

/** Evidence asked for now from the contract page, and the alert a late-registered milestone gets. */
const { stack, funders } = useTestStack({ seed: true });
const council = () => funders[0] as SeededFunder;

const post = async (c: PageClient, id: string, fields: Record<string, string>) =>
  c.post(contractFormPath(id, fields.action), { ...fields, csrf: await c.csrf() });

/** A contract that began two months ago, so a milestone may already be overdue. */
const begunBody = (title: string, dueIn: number[], supplier: string) => ({
  ...contractBody(stack, title, dueIn, supplier),
  period: { startDate: inDays(stack, -60), endDate: inDays(stack, 300) },
});

describe('request evidence now', () => {
  it('emails the supplier a working link at once; the older link answers 410; a decided milestone and an outsider are refused', async () => {
    const supplier = 'asked-now@wyvern-va.example.org';
    const c = await register(stack, council(), begunBody('Asked contract', [30, 90], supplier));
    const staff = await signInAs(stack, council().admin.email);
    const page = await staff.get(`/app/contracts/${c.id}/milestones`);
    expect(page.html).toContain('Request evidence now<span class="govuk-visually-hidden"> for M1</span>');

    const asked = await post(staff, c.id, { action: 'request-evidence', milestone: 'M1' });
    expect([asked.status, asked.location]).toEqual([303, `/app/contracts/${c.id}/milestones?done=evidence-requested`]);
    expect((await staff.get(asked.location as string)).html).toContain('The supplier is being emailed a new link');
    // At once, by the request's follower: no schedule or alert time needed.
    await stack.runtime.settle();
    const [first] = await mailTo(stack, supplier, /^Evidence requested: Milestone 1 of Asked contract \(Asked contract\)$/);
    expect(first?.body.text).toContain('asks you to send the evidence for it now');
    expect(first?.body.text).toContain(`is due on`);
    expect(first?.body.text).toContain(
      `This link works once, until 11:59pm on ${dayInWords(addDays(c.milestones[0]?.dueDate ?? '', 60))}. If it stops working, ask ${council().org.name} (${council().org.contactEmail}) for a new one.`,
    );
    const oldUrl = linksIn(first, 'milestone')[0] as string;
    expect((await openLink(oldUrl)).status).toBe(200);

    // Asked again: a new link; the first one now says it was replaced.
    await post(staff, c.id, { action: 'request-evidence', milestone: 'M1' });
    await stack.runtime.settle();
    const both = await mailTo(stack, supplier, /^Evidence requested: Milestone 1 of Asked contract/);
    expect(both).toHaveLength(2);
    const newUrl = linksIn(both[1], 'milestone')[0] as string;
    expect(newUrl).not.toBe(oldUrl);
    const gone = await openLink(oldUrl);
    expect([gone.status, gone.html.includes('This link has been replaced')]).toEqual([410, true]);
    expect((await fillIn(oldUrl, { text: 'Through the old link' })).status).toBe(410);
    const sent = await fillIn(newUrl, { text: 'Twelve reviews done.' });
    expect([sent.status, sent.html.includes('Thank you: your evidence has been sent')]).toEqual([200, true]);

    // Decided: the page no longer offers it, and a stale form is refused in words.
    await stack.api.call(council().admin, 'POST', `/contracts/${c.id}/milestones/M1/decision`, { status: 'met' });
    expect((await staff.get(`/app/contracts/${c.id}/milestones`)).html).not.toContain('> for M1</span>');
    const late = await post(staff, c.id, { action: 'request-evidence', milestone: 'M1' });
    expect(late.status).toBe(400);
    expect(errorSummary(late.html)).toEqual([
      ['request-M1', 'Milestone M1 has been decided; evidence can only be asked for before a decision'],
    ]);
    expect(await mailTo(stack, supplier, /^Evidence requested: Milestone 1/)).toHaveLength(2);

    // The JSON route does the same for M2; a viewer of the council and another organisation cannot.
    const viewer = await stack.api.call<{ user: { id: string; email: string } }>(
      stack.admin,
      'POST',
      `/organisations/${council().org.id}/members`,
      { email: 'viewer-asks@wyvernshire.example.org', name: 'Vic Viewer', role: 'viewer' },
    );
    const viewing = await signInAs(stack, viewer.user.email);
    expect((await viewing.get(`/app/contracts/${c.id}/milestones`)).html).not.toContain('Request evidence now');
    // Pages answer a refusal as they answer a made-up id.
    expect((await post(viewing, c.id, { action: 'request-evidence', milestone: 'M2' })).status).toBe(404);
    const outsider = await stack.request('POST', `/contracts/${c.id}/milestones/M2/evidence-request`, { as: funders[1]?.admin });
    expect(outsider.status).toBe(404);
    expect(await mailTo(stack, supplier, /^Evidence requested: Milestone 2/)).toHaveLength(0);
    const byApi = await stack.request('POST', `/contracts/${c.id}/milestones/M2/evidence-request`, { as: council().admin });
    expect([byApi.status, byApi.body.sentTo]).toEqual([201, supplier]);
    await stack.runtime.settle();
    expect(await mailTo(stack, supplier, /^Evidence requested: Milestone 2/)).toHaveLength(1);
  });
});

describe('a milestone registered already overdue', () => {
  it('gets its alert at the next 09:00 London, with a link that works', async () => {
    const supplier = 'late-registered@wyvern-va.example.org';
    const c = await register(stack, council(), begunBody('Late contract', [-5, 60], supplier));
    await stack.runtime.settle();
    const nine = nextLondonNine(stack.clock.now());
    // Not before 09:00.
    await stack.runtime.advanceTo(new Date(nine.getTime() - 60_000));
    await stack.runtime.settle();
    expect(await mailTo(stack, supplier, /Milestone 1 of Late contract/)).toHaveLength(0);

    await stack.runtime.advanceTo(new Date(nine.getTime() + 60_000));
    await stack.runtime.settle();
    const [overdue] = await mailTo(stack, supplier, /^Overdue: Milestone 1 of Late contract \(Late contract\)$/);
    expect(overdue?.body.text).toContain('and is overdue');
    const url = linksIn(overdue, 'milestone')[0] as string;
    expect((await openLink(url)).html).toContain('Milestone 1 of Late contract');
    const sent = await fillIn(url, { text: 'Delivered late; list attached.' });
    expect(sent.status).toBe(200);
    expect(c.milestones[1]?.status).toBe('scheduled');
    expect(await mailTo(stack, supplier, /Milestone 2 of Late contract/)).toHaveLength(0);
  });
});
