import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimPortBlock } from '../../infra/local/port-claims';
import type { SeededFunder } from '../../infra/local/scenario';
import { LocalClock } from '../../infra/local/virtual-clock';
import type { Round } from '../../shared/pools/round';
import {
  award,
  grant,
  grantFixture,
  inDays,
  lightAnswers,
  linkIn,
  mail,
  openLink,
  plan,
  postLink,
  report,
  scopeOf,
} from '../support/grant';
import { DAY, START, startTestStack, type TestStack } from '../support/stack';

const dir = mkdtempSync(join(tmpdir(), 'grantloop-restart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Events of one type in the table, as the audit trail has them. */
async function eventsOf(stack: TestStack, type: string, subject: string): Promise<number> {
  const items = (await stack.tableText()).split('\n').flatMap((page) => JSON.parse(page) as Record<string, { S?: string }>[]);
  return items.filter((i) => i.entity?.S === 'event' && i.type?.S === type && i.subject?.S?.endsWith(subject)).length;
}

const pending = (stack: TestStack) =>
  stack.runtime.scheduler
    .list()
    .filter((s) => s.state === 'pending')
    .sort((a, b) => a.key.localeCompare(b.key));

const running = (stack: TestStack) =>
  stack.runtime.sfn
    .list()
    .filter((e) => e.status === 'RUNNING')
    .map((e) => `${e.name}@${e.at?.state}`)
    .sort();

describe('a restart of the local runtime on the same folder', () => {
  it('resumes the waiting workflows where they were (a round vote, a report period, a grant tranche) and each completes exactly once; schedules and queued events carry on', async () => {
    const block = await claimPortBlock(4);
    const ports = { api: block.first, mail: block.first + 1, dynamodb: block.first + 2, aws: block.first + 3 };
    const at = (days: number) => new Date(START.getTime() + days * DAY);
    let stack = await startTestStack({ stateDir: dir, ports, clock: new LocalClock('virtual', START) });
    const funders: SeededFunder[] = await stack.seed();
    const f = await grantFixture(stack, funders);
    const g = await award(f, 'Restart grant', 500_000);
    const planned = await plan(f, g.id, {
      tranches: [
        { amount: 200_000, dueDate: inDays(stack, 0) },
        { amount: 300_000, dueDate: inDays(stack, 4) },
      ],
      reporting: { frequency: 'one-off', template: 'light', dueDate: inDays(stack, 30) },
    });
    const reportId = (planned.reports[0] as { id: string }).id;
    const lead = f.lead.admin;
    const round = await stack.api.call<Round>(lead, 'POST', `/pools/${f.poolId}/rounds`, { name: 'Restart round' });
    await stack.runtime.settle();
    await stack.api.call(lead, 'POST', `/rounds/${round.id}/proposals`, {
      recipientOrgId: f.recipient.id,
      title: 'Proposed before the restart',
      amount: 100_000,
      currency: 'GBP',
      durationMonths: 12,
    });
    await stack.api.call(lead, 'POST', `/rounds/${round.id}/close`);
    await stack.runtime.settle();
    await stack.runtime.advanceTo(at(3)); // the period opens at due − 28 days
    const [request] = await mail(f, f.recipient.contactEmail, /^Report due .*: Restart grant$/);
    const url = linkIn(request as { body: { text?: string } });
    const before = running(stack);
    expect(before).toEqual(
      expect.arrayContaining([`grant-${g.id}@AwaitTranche`, `report-${reportId}@AwaitSubmission`, `round-${round.id}@RequestVotes`]),
    );
    const pendingSchedules = pending(stack);
    expect(pendingSchedules.length).toBeGreaterThan(0);
    const items = await stack.itemCount();
    const mailBefore = (await stack.runtime.emails()).map((e) => e.messageId);
    expect(mailBefore.length).toBeGreaterThan(0);
    await stack.stop();

    // Down for three days: the second tranche fell due meanwhile (day 4).
    stack = await startTestStack({ stateDir: dir, ports, clock: new LocalClock('virtual', at(6)) });
    try {
      expect(await stack.itemCount()).toBe(items);
      // The mailbox is kept in the folder too (issue 27): the emailed links still work, so the emails stay.
      expect((await stack.runtime.emails()).map((e) => e.messageId)).toEqual(mailBefore);
      expect(
        linkIn(((await mail(f, f.recipient.contactEmail, /^Report due .*: Restart grant$/))[0] ?? {}) as { body: { text?: string } }),
      ).toBe(url);
      expect(running(stack)).toEqual(before);
      expect(pending(stack)).toEqual(pendingSchedules);
      await stack.runtime.settle();
      await stack.runtime.advanceTo(at(6));
      expect((await grant(f, g.id)).tranches.map((t) => t.status)).toEqual(['released', 'released']);

      // The vote goes on with the same execution: every member with money in the pool approves.
      for (const funder of funders.slice(0, 5)) {
        const res = await stack.request('POST', `/rounds/${round.id}/votes`, { as: funder.admin, body: { decision: 'approve' } });
        if (res.status !== 201 && res.status !== 409) throw new Error(`vote: ${res.status} ${JSON.stringify(res.body)}`);
      }
      await stack.runtime.settle();
      expect((await stack.api.call<{ status: string }>(lead, 'GET', `/rounds/${round.id}`)).status).toBe('committed');

      // Reminders scheduled before the restart fire after it, once each; then the report comes in.
      await stack.runtime.advanceTo(at(25));
      const reminders = await mail(f, f.recipient.contactEmail, /^Reminder: .*Restart grant$/);
      const remindersDue = pendingSchedules.filter((s) => s.key.includes(reportId) && new Date(s.at) <= at(25)).length;
      expect(reminders.length).toBe(remindersDue);
      expect(reminders.length).toBeGreaterThan(0);
      const page = await openLink(url);
      expect((await postLink(url, lightAnswers(scopeOf(page.html)))).status).toBe(200);
      await stack.runtime.settle();
      expect((await stack.request('POST', `/reports/${reportId}/review`, { as: lead, body: { decision: 'accept' } })).status).toBe(202);
      await stack.runtime.settle();
      expect((await report(f, reportId)).report.status).toBe('accepted');

      for (const name of [`grant-${g.id}`, `report-${reportId}`, `round-${round.id}`])
        expect(stack.runtime.sfn.describe(stack.runtime.sfn.list().find((e) => e.name === name)?.executionArn ?? name).status).toBe(
          'SUCCEEDED',
        );
      expect(await eventsOf(stack, 'payment.made', g.id)).toBe(2);
      expect(await eventsOf(stack, 'report.accepted', reportId)).toBe(1);
      expect(await eventsOf(stack, 'round.committed', round.id)).toBe(1);
      expect(stack.runtime.errors).toEqual([]);
    } finally {
      await stack.stop();
      await block.release();
    }
  }, 240_000);
});
