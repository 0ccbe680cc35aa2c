import { describe, expect, it } from 'vitest';
import { confirmConsortium, getConsortium } from '../../shared/consortia/consortia';
import {
  awaitLeadConfirmation,
  CONFIRMATION_WINDOW_DAYS,
  scheduleLeadReminder,
  sendInvitations,
  sendLeadReminder,
  settleConsortium,
  startInvitationWorkflow,
} from '../../shared/consortia/invitation';
import { DomainError } from '../../shared/platform/errors';
import { consortium } from '../support/memory';
import { systemWithFunders } from '../support/usecases';

/** Fast: the use cases on the in-memory adapters (no engines); the workflow around them is tested in invitation.engines.test.ts. */
async function setup() {
  const { sys, admin, funders } = await systemWithFunders(3);
  const c = await consortium(sys, funders);
  return { sys, admin, funders, c, lead: funders[0], member: funders[1] };
}

const callback = (id: string) => ({ taskToken: `token-${id}`, executionName: `consortium-${id}` });

describe('consortia use cases (in memory)', () => {
  it('a consortium is created inviting, with its event under the public subject, and only an admin of the lead may propose it', async () => {
    const { sys, c, member, funders } = await setup();
    expect(c).toMatchObject({ status: 'inviting', leadOrgId: funders[0].org.id, version: 1 });
    expect((await sys.deps.platform.listEvents(`consortium#${c.id}`)).map((e) => e.type)).toEqual(['consortium.created']);
    await expect(consortium(sys, [member, funders[2]])).resolves.toMatchObject({ leadOrgId: member.org.id });
    await expect(consortium(sys, [{ org: funders[2].org, caller: member.caller }, member])).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('invitations go to every member once, however often the step is retried; the invitations-sent event is written once', async () => {
    const { sys, c, funders } = await setup();
    expect(await sendInvitations(sys.deps, c.id)).toEqual({ invited: 3, emailsSent: 3 });
    expect(await sendInvitations(sys.deps, c.id)).toEqual({ invited: 3, emailsSent: 0 });
    expect(sys.outside.emails.map((e) => e.to[0]).sort()).toEqual(funders.map((f) => f.org.contactEmail).sort());
    const events = await sys.deps.platform.listEvents(`consortium#${c.id}`);
    expect(events.filter((e) => e.type === 'consortium.invitations-sent')).toHaveLength(1);
  });

  it('the lead confirms once: the parked token is answered once, a second confirmation is a conflict, a member may not confirm', async () => {
    const { sys, c, lead, member } = await setup();
    await expect(confirmConsortium(sys.deps, lead.caller, c.id)).rejects.toMatchObject({ kind: 'conflict' });
    const parked = await awaitLeadConfirmation(sys.deps, { consortiumId: c.id, ...callback(c.id) });
    expect(parked.waitingUntil).toBe(new Date(sys.clock.now().getTime() + CONFIRMATION_WINDOW_DAYS * 86400_000).toISOString());
    expect((await getConsortium(sys.deps, lead.caller, c.id)).awaitingConfirmationUntil).toBe(parked.waitingUntil);
    await expect(confirmConsortium(sys.deps, member.caller, c.id)).rejects.toBeInstanceOf(DomainError);
    await confirmConsortium(sys.deps, lead.caller, c.id);
    expect(sys.outside.tokens.get(`token-${c.id}`)).toMatchObject({ output: { confirmedBy: lead.caller.user.id } });
    await expect(confirmConsortium(sys.deps, lead.caller, c.id)).rejects.toMatchObject({ kind: 'conflict' });
  });

  it('settling activates or lapses under the version guard, tells each member once, and is harmless repeated', async () => {
    const { sys, c, lead } = await setup();
    expect(await settleConsortium(sys.deps, { consortiumId: c.id, outcome: 'activate' })).toMatchObject({
      status: 'active',
      emailsSent: 3,
    });
    expect(await settleConsortium(sys.deps, { consortiumId: c.id, outcome: 'activate' })).toMatchObject({
      status: 'active',
      emailsSent: 0,
    });
    expect((await getConsortium(sys.deps, lead.caller, c.id)).status).toBe('active');
    const other = await setup();
    await awaitLeadConfirmation(other.sys.deps, { consortiumId: other.c.id, ...callback(other.c.id) });
    expect(await settleConsortium(other.sys.deps, { consortiumId: other.c.id, outcome: 'lapse' })).toMatchObject({ status: 'lapsed' });
    expect(await other.sys.deps.platform.getWaitingTask(`consortium#${other.c.id}`, 'lead-confirmation')).toBeUndefined();
  });

  it('the reminder is scheduled once, 7 days after the invitations; it is sent once while waiting and never after confirmation', async () => {
    const { sys, c, lead } = await setup();
    const invitedAt = sys.clock.now().toISOString();
    expect(await scheduleLeadReminder(sys.deps, { consortiumId: c.id, invitedAt })).toEqual({ created: true });
    expect(await scheduleLeadReminder(sys.deps, { consortiumId: c.id, invitedAt })).toEqual({ created: false });
    expect(sys.outside.schedules.get(`consortium-${c.id}-lead-reminder`)).toMatchObject({
      target: 'sendLeadReminder',
      at: new Date(sys.clock.now().getTime() + 7 * 86400_000),
    });
    expect(await sendLeadReminder(sys.deps, c.id)).toEqual({ sent: false, reason: 'not waiting for confirmation' });
    await awaitLeadConfirmation(sys.deps, { consortiumId: c.id, ...callback(c.id) });
    expect(await sendLeadReminder(sys.deps, c.id)).toEqual({ sent: true, reason: 'reminded' });
    expect(await sendLeadReminder(sys.deps, c.id)).toEqual({ sent: false, reason: 'already reminded' });
    await confirmConsortium(sys.deps, lead.caller, c.id);
    await settleConsortium(sys.deps, { consortiumId: c.id, outcome: 'activate' });
    expect(await sendLeadReminder(sys.deps, c.id)).toEqual({ sent: false, reason: 'consortium is active' });
  });

  it('the workflow is started under the consortium’s name, so a repeated event starts nothing', async () => {
    const { sys, c } = await setup();
    expect(await startInvitationWorkflow(sys.deps, c.id)).toEqual({ started: true });
    expect(await startInvitationWorkflow(sys.deps, c.id)).toEqual({ started: false });
    expect(sys.outside.started.get(`consortium-${c.id}`)).toEqual({ workflowId: 'consortium-invitation', input: { consortiumId: c.id } });
  });
});
