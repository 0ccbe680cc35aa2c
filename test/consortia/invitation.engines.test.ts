import { describe, expect, it } from 'vitest';
import type { SeededFunder } from '../../infra/local/scenario';
import type { Consortium } from '../../shared/consortia/consortium';
import { proposeConsortium } from '../support/consortia';
import { DAY } from '../support/stack';
import { useTestStack } from '../support/use-stack';

const { stack, funders } = useTestStack({ seed: true });

const lead = () => funders[0] as SeededFunder;
const propose = (name: string, members: SeededFunder[]) => proposeConsortium(stack, name, lead(), members);
const execution = (c: Consortium) => stack.runtime.sfn.list().find((e) => e.name === `consortium-${c.id}`);
const mailTo = async (address: string, subject: RegExp) =>
  (await stack.runtime.emails()).filter((e) => e.destination.to.includes(address) && subject.test(e.subject));
const get = (c: Consortium) =>
  stack.api.call<Consortium & { awaitingConfirmationUntil?: string }>(lead().admin, 'GET', `/consortia/${c.id}`);

describe('consortium invitation workflow (workflows/consortium-invitation.asl.json, run locally)', () => {
  it('approval: invitations → waits for the lead → confirmed → active, members told once', async () => {
    const members = funders.slice(1, 4);
    const c = await propose('Approval Fund', members);
    expect(execution(c)?.status).toBe('RUNNING');
    expect((await get(c)).awaitingConfirmationUntil).toBe(new Date(stack.clock.now().getTime() + 14 * DAY).toISOString());
    for (const m of [lead(), ...members]) expect(await mailTo(m.org.contactEmail, /^Approval Fund: .* has been added/)).toHaveLength(1);
    const [toLead] = await mailTo(lead().org.contactEmail, /^Approval Fund: .* has been added/);
    expect(toLead?.body.text).toContain(`${stack.runtime.apiUrl}/app/consortia/${c.id}`);

    const res = await stack.request('POST', `/consortia/${c.id}/confirm`, { as: lead().admin });
    expect(res.status).toBe(202);
    await stack.runtime.settle();
    expect(execution(c)).toMatchObject({ status: 'SUCCEEDED' });
    expect(
      execution(c)
        ?.history.filter((h) => h.type === 'StateEntered')
        .map((h) => h.state),
    ).toEqual(['SendInvitations', 'AwaitLeadConfirmation', 'Activate', 'Active']);
    expect((await get(c)).status).toBe('active');
    for (const m of [lead(), ...members]) expect(await mailTo(m.org.contactEmail, /^Approval Fund is now active$/)).toHaveLength(1);
  });

  it('a duplicated confirmation resumes the workflow once: the other caller gets 409', async () => {
    const c = await propose('Double Click Fund', funders.slice(1, 2));
    const [a, b] = await Promise.all([
      stack.request('POST', `/consortia/${c.id}/confirm`, { as: lead().admin }),
      stack.request('POST', `/consortia/${c.id}/confirm`, { as: lead().admin }),
    ]);
    expect([a.status, b.status].sort()).toEqual([202, 409]);
    await stack.runtime.settle();
    expect((await get(c)).status).toBe('active');
    expect((await stack.request('POST', `/consortia/${c.id}/confirm`, { as: lead().admin })).status).toBe(409);
    expect(await mailTo(funders[1]?.org.contactEmail as string, /^Double Click Fund is now active$/)).toHaveLength(1);
  });

  it('only an admin of the lead organisation can confirm', async () => {
    const c = await propose('Members Cannot Confirm Fund', funders.slice(1, 2));
    const res = await stack.request('POST', `/consortia/${c.id}/confirm`, { as: (funders[1] as SeededFunder).admin });
    expect(res.status).toBe(403);
    expect(execution(c)?.status).toBe('RUNNING');
  });

  it('a repeated start (duplicate event) starts nothing new; a retried invitation step sends no second email', async () => {
    const c = await propose('Idempotent Fund', funders.slice(1, 3));
    const { workflows } = await import('../../shared/platform/aws/workflows');
    const repeat = stack.asFunction('startConsortiumWorkflow', () =>
      workflows.start('consortium-invitation', `consortium-${c.id}`, { consortiumId: c.id }),
    );
    expect(await repeat).toEqual({ started: false });
    const again = (await stack.runtime.lambdas.invoke('sendInvitations', { consortiumId: c.id })) as { emailsSent: number };
    expect(again.emailsSent).toBe(0);
    expect(await mailTo(lead().org.contactEmail, /^Idempotent Fund: .* has been added/)).toHaveLength(1);
  });

  it('timeout: the lead is reminded once on day 7, then the consortium lapses when 14 days pass', async () => {
    const c = await propose('Forgotten Fund', funders.slice(4, 6));
    const from = stack.clock.now().getTime();
    await stack.runtime.advanceTo(new Date(from + 7 * DAY + 60_000));
    expect(await mailTo(lead().org.contactEmail, /^Reminder: please confirm the Forgotten Fund/)).toHaveLength(1);
    // The same reminder delivered again (Scheduler is at-least-once) sends nothing.
    await stack.runtime.lambdas.invoke('sendLeadReminder', { kind: 'consortium-lead-reminder', consortiumId: c.id });
    expect(await mailTo(lead().org.contactEmail, /^Reminder: please confirm the Forgotten Fund/)).toHaveLength(1);
    expect((await get(c)).status).toBe('inviting');

    await stack.runtime.advanceTo(new Date(from + 14 * DAY + 60_000));
    expect((await get(c)).status).toBe('lapsed');
    expect(
      execution(c)
        ?.history.filter((h) => h.type === 'StateEntered')
        .map((h) => h.state),
    ).toEqual(['SendInvitations', 'AwaitLeadConfirmation', 'Lapse', 'Lapsed']);
    for (const m of funders.slice(4, 6)) expect(await mailTo(m.org.contactEmail, /^Forgotten Fund was not confirmed/)).toHaveLength(1);
    const late = await stack.request('POST', `/consortia/${c.id}/confirm`, { as: lead().admin });
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/already lapsed/);
  });

  it('a task that keeps failing is caught into an explicit failure state', async () => {
    const { workflows } = await import('../../shared/platform/aws/workflows');
    await stack.asFunction('startConsortiumWorkflow', () =>
      workflows.start('consortium-invitation', 'consortium-missing', { consortiumId: '01M8060NW1SAEDZDZBZQ112NEA' }),
    );
    await stack.runtime.settle();
    const e = stack.runtime.sfn.list().find((x) => x.name === 'consortium-missing');
    expect(e).toMatchObject({ status: 'FAILED', error: 'InvitationsFailed' });
    expect(e?.history.filter((h) => h.type === 'StateRetried').length).toBe(2);
  });
});
