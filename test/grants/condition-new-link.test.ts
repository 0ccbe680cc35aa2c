import { describe, expect, it } from 'vitest';
import { sendReplacedConditionLink } from '../../shared/grants/condition-link-sent';
import { sendNewConditionLink } from '../../shared/grants/condition-new-link';
import { decide, requestConditionEvidence } from '../../shared/grants/conditions';
import { providerLinks } from '../../shared/reporting/links';
import { memoryGrant, onlyNewestLinkSent } from '../support/memory-grant';

/**
 * Fast: "send a new link" on the in-memory adapters. Values typed by hand: the memory clock
 * starts at 10am on 1 April 2026, and a condition link works 180 days (until 10am on 28 September 2026).
 */
async function setup() {
  const { d, lead, member, grantId, emails } = await memoryGrant({
    conditions: [
      { description: 'A safeguarding policy', kind: 'before-first-payment' },
      { description: 'Tell us of any change of trustees', kind: 'ongoing' },
    ],
    tranches: [{ amount: 600_000, dueDate: '2026-05-01' }],
    reporting: { frequency: 'one-off', template: 'light', dueDate: '2026-06-30' },
  });
  await requestConditionEvidence(d, { grantId });
  const g = { id: grantId };
  // The event's follower, as the stream would run it: the data of each condition.link-replaced.
  const replacements = async () =>
    (await d.platform.listEvents(`grant#${g.id}`))
      .filter((e) => e.type === 'condition.link-replaced')
      .map((e) => e.data as { linkGeneration: number })
      // Events of the same instant are listed in no particular order.
      .sort((a, b) => a.linkGeneration - b.linkGeneration) as never[];
  const deliverLast = async () => sendReplacedConditionLink(d, (await replacements()).at(-1) as never);
  return { d, lead, member, grantId: g.id, emails, replacements, deliverLast };
}

const tokenIn = (text = '') => /\/r\/([A-Za-z0-9_-]{43})/.exec(text)?.[1] as string;

describe('send a new evidence link (in memory)', () => {
  it('replaces every earlier link of the condition, and emails one that says so and when it stops working', async () => {
    const s = await setup();
    const first = tokenIn(s.emails()[0]?.text);
    const sent = await sendNewConditionLink(s.d, s.lead.caller, s.grantId, 'C1');
    expect(sent).toEqual({
      conditionId: 'C1',
      sentTo: { name: 'Wyvern Voluntary Action', email: expect.stringContaining('@') },
      validUntil: expect.stringMatching(/^2026-09-28T/),
    });
    // Nothing is emailed by the use case itself; the follower sends it, once however often it runs.
    expect(s.emails()).toHaveLength(1);
    expect(await s.deliverLast()).toEqual({ sent: true });
    expect(await s.deliverLast()).toEqual({ sent: false });
    expect(s.emails()).toHaveLength(2);
    const email = s.emails().at(-1);
    expect(email?.subject).toBe('New link: Evidence needed before payment: Community grant');
    // 180 days after 10am (BST) on 1 April: 10am (BST) on 28 September.
    expect(email?.text).toContain(
      'This link works once, until 10am on 28 September 2026. If it stops working, ask Wyvernshire County Council',
    );
    expect(email?.html).toContain('This link works once, until 10am on 28 September 2026.');
    expect(await providerLinks.view(s.d, first)).toMatchObject({ kind: 'problem', status: 410, title: 'This link has been replaced' });
    expect(await providerLinks.post(s.d, first, { scope: 'C1', text: 'Adopted' })).toMatchObject({ status: 410 });
    const second = tokenIn(email?.text);
    expect(await providerLinks.view(s.d, second)).toMatchObject({ kind: 'form', status: 200 });
    // Again, at the same instant: the second link is replaced in turn.
    await sendNewConditionLink(s.d, s.lead.caller, s.grantId, 'C1');
    await s.deliverLast();
    expect(await providerLinks.view(s.d, second)).toMatchObject({ status: 410, title: 'This link has been replaced' });
    expect(await providerLinks.view(s.d, tokenIn(s.emails().at(-1)?.text))).toMatchObject({ kind: 'form' });
    const events = await s.d.platform.listEvents(`grant#${s.grantId}`);
    expect(events.filter((e) => e.type === 'condition.link-replaced')).toHaveLength(2);
  });

  it('sends nothing for a generation already replaced again: only the newest link goes out', async () => {
    const s = await setup();
    await onlyNewestLinkSent(
      s,
      () => sendNewConditionLink(s.d, s.lead.caller, s.grantId, 'C1'),
      (replaced) => sendReplacedConditionLink(s.d, replaced),
    );
  });

  it('refuses a member, an ongoing condition, and a condition already met, in plain English', async () => {
    const s = await setup();
    await expect(sendNewConditionLink(s.d, s.member.caller, s.grantId, 'C1')).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(sendNewConditionLink(s.d, s.lead.caller, s.grantId, 'C2')).rejects.toMatchObject({
      kind: 'conflict',
      message: 'an ongoing condition has no evidence link to send',
    });
    await expect(sendNewConditionLink(s.d, s.lead.caller, s.grantId, 'C9')).rejects.toMatchObject({ kind: 'not-found' });
    await decide(s.d, s.lead.caller, s.grantId, 'C1', { outcome: 'met' });
    await expect(sendNewConditionLink(s.d, s.lead.caller, s.grantId, 'C1')).rejects.toMatchObject({
      kind: 'conflict',
      message: 'this condition is already met: there is nothing to send a link for',
    });
    expect(s.emails().filter((e) => e.subject.startsWith('New link'))).toEqual([]);
  });
});
