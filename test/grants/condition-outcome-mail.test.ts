import { describe, expect, it } from 'vitest';
import { conditionDecidedEmail } from '../../shared/grants/outcome-mail';

/**
 * The provider's email when the lead decides a condition, for each outcome, with every value
 * typed by hand: a grant "Youth hub support", its tranche of £12,500.00 (1,250,000 pence) due
 * 15 May 2026, decided at 23:30 UTC on 30 April 2026, which is 1 May in London (BST).
 */
const ctx = {
  consortium: { name: 'Wyvernshire Community Partnership', place: 'Wyvernshire' },
  lead: { name: 'Wyvernshire County Council', contactEmail: 'grants@wyvernshire.gov.example' },
  recipient: { name: 'Wyvern Voluntary Action', contactEmail: 'hello@wva.example.org' },
  grant: { title: 'Youth hub support' },
};
const tranche = { amount: 1_250_000, dueDate: '2026-05-15', status: 'scheduled' as const };
const condition = (outcome: 'met' | 'waived' | 'not-met', reason?: string) => ({
  description: 'A safeguarding policy adopted by the trustees',
  decision: { outcome, ...(reason ? { reason } : {}), by: 'user-1', at: '2026-04-30T23:30:00.000Z' },
});
/** How the email opens: the greeting, what the lead decided on which London day, and the condition. */
const decided = (outcome: string) =>
  'Hello Wyvern Voluntary Action,\n\n' +
  `On 1 May 2026, Wyvernshire County Council, which leads the Wyvernshire Community Partnership, decided that this condition of your grant "Youth hub support" ${outcome}:\n\n` +
  '  A safeguarding policy adopted by the trustees\n\n';
const footer =
  '-- \nSent by grantloop for the Wyvernshire Community Partnership (Wyvernshire), which funds "Youth hub support".\n' +
  'Questions: Wyvernshire County Council, grants@wyvernshire.gov.example.\n';

describe('the email a provider gets when a condition is decided', () => {
  it('met: the tranche is no longer held by it, nothing to do, no link', () => {
    const email = conditionDecidedEmail(ctx, condition('met'), tranche);
    expect(email.to).toEqual(['hello@wva.example.org']);
    expect(email.subject).toBe('Condition met: Youth hub support');
    expect(email.text).toBe(
      decided('is met') +
        'What happens to the payment: this condition no longer holds back the payment of £12,500.00 due on 15 May 2026. ' +
        'It will be paid on that date (or straight away if the date has passed) once nothing else holds it back, such as another condition or a report still to be accepted.\n\n' +
        `There is nothing you need to do.\n\n${footer}`,
    );
    expect(email.html).toContain('A safeguarding policy adopted by the trustees');
    expect(email.html).not.toMatch(/<a /);
  });

  it('waived: the reason is given, and the payment is freed the same way', () => {
    const email = conditionDecidedEmail(ctx, condition('waived', 'Independent examination accepted for a charity of this size'), tranche);
    expect(email.subject).toBe('Condition waived: Youth hub support');
    expect(email.text).toContain(
      'decided to waive this condition of your grant "Youth hub support", so you no longer need to meet it:\n\n' +
        '  A safeguarding policy adopted by the trustees\n\n' +
        'Their reason: Independent examination accepted for a charity of this size\n\n' +
        'What happens to the payment: this condition no longer holds back the payment of £12,500.00 due on 15 May 2026.',
    );
    expect(email.text).toContain(`There is nothing you need to do.\n\n${footer}`);
    expect(email.text).not.toMatch(/https?:|forward/);
  });

  it('not met: the reason, the payment stays held, and a new link to send evidence again with its end date', () => {
    const link = { url: 'https://grantloop.example/r/abc', validUntil: '2026-10-27T08:00:00.000Z' };
    const email = conditionDecidedEmail(ctx, condition('not-met', 'The policy has not been signed by the trustees'), tranche, link);
    expect(email.subject).toBe('Condition not met: Youth hub support');
    expect(email.text).toBe(
      decided('is not met') +
        'Their reason: The policy has not been signed by the trustees\n\n' +
        'What happens to the payment: the payment of £12,500.00 due on 15 May 2026 stays held back until this condition is met or waived.\n\n' +
        'What you can do: if you can show that the condition is met, send new evidence (a short note or a web link; no account needed).\n\n' +
        'Send new evidence:\nhttps://grantloop.example/r/abc\n\n' +
        // 08:00 UTC on 27 October is 8am in London: BST ended on the 25th.
        'This link works once, until 8am on 27 October 2026. If it stops working, ask Wyvernshire County Council (grants@wyvernshire.gov.example) for a new one.\n\n' +
        `${footer}The link is personal to your organisation: please do not forward it.\n`,
    );
    expect(email.html).toContain('<a href="https://grantloop.example/r/abc"');
    expect(email.html).toContain('This link works once, until 8am on 27 October 2026.');
  });

  it('a condition that guards no payment, or one already paid, says so rather than promising a release', () => {
    expect(conditionDecidedEmail(ctx, condition('met'), undefined).text).toContain('This condition does not hold back any payment.');
    expect(conditionDecidedEmail(ctx, condition('met'), { ...tranche, status: 'released' }).text).toContain(
      'The payment it was attached to (£12,500.00) has already been made.',
    );
    expect(conditionDecidedEmail(ctx, condition('met'), { ...tranche, status: 'cancelled' }).text).not.toContain('£');
  });
});
