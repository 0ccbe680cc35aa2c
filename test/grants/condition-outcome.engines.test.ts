import { beforeAll, describe, expect, it } from 'vitest';
import { conditionalGrant, grant, grantFixture, linkIn, mail, openLink, postLink, scopeOf, today } from '../support/grant';
import { useTestStack } from '../support/use-stack';

/**
 * A condition decided through the API tells the provider, by one email per decision, which the
 * rule NotifyConditionDecided sends; the same event delivered again sends nothing more. Values
 * typed by hand: the virtual clock starts on 1 April 2026; the grant "Youth hub support" has one
 * tranche of £12,500.00 due 15 May 2026, held by a safeguarding condition.
 */
const { stack, fixture: f } = useTestStack({ seed: true, fixture: grantFixture });
let grantId: string;

type Condition = { id: string; status: string; decision?: { outcome: string; at: string } };
const condition = async () =>
  (await stack.api.call<{ conditions: Condition[] }>(f.lead.admin, 'GET', `/grants/${grantId}`)).conditions[0] as Condition;
const outcomes = () => mail(f, 'hello@wva.example.org', /^Condition (met|waived|not met): /);
const decide = async (body: { outcome: string; reason?: string }) => {
  await stack.api.call(f.lead.admin, 'POST', `/grants/${grantId}/conditions/C1/decision`, body);
  await stack.runtime.settle();
};
/** The event as EventBridge delivers it to the rule's target, rebuilt from the stored decision. */
const deliverAgain = (decision: { outcome: string; at: string }) =>
  stack.runtime.lambdas.invoke('notifyConditionDecided', {
    'detail-type': 'condition.decided',
    source: 'grantloop',
    detail: { type: 'condition.decided', occurredAt: decision.at, data: { grantId, conditionId: 'C1', outcome: decision.outcome } },
  });
async function sendEvidence(url: string, text: string) {
  const page = await openLink(url);
  expect(page.status).toBe(200);
  expect((await postLink(url, { scope: scopeOf(page.html), text })).status).toBe(200);
  await stack.runtime.settle();
}

beforeAll(async () => {
  grantId = await conditionalGrant(f, 'Youth hub support', 1_250_000, {
    condition: 'A safeguarding policy adopted by the trustees',
    trancheDue: '2026-05-15',
    reportDue: '2026-06-30',
  });
});

describe('a decided condition is emailed to the provider', () => {
  it('not met: once, with the reason, the payment held and a new link; delivered again, nothing more', async () => {
    expect(today(stack)).toBe('2026-04-01');
    const [ask] = await mail(f, 'hello@wva.example.org', /^Evidence needed before payment: Youth hub support$/);
    const first = linkIn(ask as { body: { text?: string } });
    await sendEvidence(first, 'Draft policy attached to our website');
    expect(await outcomes()).toEqual([]);

    await decide({ outcome: 'not-met', reason: 'The policy has not been signed by the trustees' });
    const [email, ...more] = await outcomes();
    expect(more).toEqual([]);
    expect(email?.subject).toBe('Condition not met: Youth hub support');
    expect(email?.destination.to).toEqual(['hello@wva.example.org']);
    const text = email?.body.text ?? '';
    expect(text).toContain(
      'On 1 April 2026, Wyvernshire County Council, which leads the Grants Fund, decided that this condition of your grant "Youth hub support" is not met:\n\n' +
        '  A safeguarding policy adopted by the trustees\n\n' +
        'Their reason: The policy has not been signed by the trustees\n\n' +
        'What happens to the payment: the payment of £12,500.00 due on 15 May 2026 stays held back until this condition is met or waived.',
    );
    // 180 days from 1 April 2026, to the minute it was sent, on the London clock.
    expect(text).toMatch(
      /This link works once, until (\d{1,2}(:\d{2})?[ap]m|midday) on 28 September 2026\. If it stops working, ask Wyvernshire County Council \(/,
    );
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|UTC/);

    // The first link was spent by the first evidence; the new one opens the form.
    expect((await openLink(first)).status).toBe(410);
    const again = linkIn(email as { body: { text?: string } });
    expect(again).not.toBe(first);
    expect((await openLink(again)).html).toContain('A safeguarding policy adopted by the trustees');

    const decided = await condition();
    expect(decided.decision?.outcome).toBe('not-met');
    expect(await deliverAgain(decided.decision as { outcome: string; at: string })).toEqual({ sent: false });
    expect(await outcomes()).toHaveLength(1);
  });

  it('met after new evidence: one more email, the tranche released on its date; the older decision sends nothing', async () => {
    const notMet = (await condition()).decision as { outcome: string; at: string };
    const [email] = await outcomes();
    await sendEvidence(linkIn(email as { body: { text?: string } }), 'Signed by the trustees on 2 April 2026');
    await decide({ outcome: 'met' });

    const met = (await outcomes()).filter((e) => e.subject === 'Condition met: Youth hub support');
    expect(met).toHaveLength(1);
    const text = met[0]?.body.text ?? '';
    expect(text).toContain('decided that this condition of your grant "Youth hub support" is met:');
    expect(text).toContain('this condition no longer holds back the payment of £12,500.00 due on 15 May 2026.');
    expect(text).toContain('There is nothing you need to do.');
    expect(text).not.toContain('Their reason');
    expect(text).not.toMatch(/https?:\/\/\S+\/r\//);

    // Both decisions' events delivered again: the met one was sent, the not-met one is superseded.
    const decision = (await condition()).decision as { outcome: string; at: string };
    expect(await deliverAgain(decision)).toEqual({ sent: false });
    expect(await deliverAgain(notMet)).toEqual({ sent: false });
    expect(await outcomes()).toHaveLength(2);

    // What the email promised: paid on its date (9am London, 8am UTC in May), nothing else holding it.
    await stack.runtime.advanceTo(new Date('2026-05-14T12:00:00Z'));
    expect((await grant(f, grantId)).tranches.map((t) => t.status)).toEqual(['scheduled']);
    await stack.runtime.advanceTo(new Date('2026-05-15T09:00:00Z'));
    expect((await grant(f, grantId)).tranches.map((t) => t.status)).toEqual(['released']);
  });
});
