import { beforeAll, describe, expect, it } from 'vitest';
import { conditionalGrant, grantFixture, inDays, mail } from '../support/grant';
import { errorSummary, type PageClient, signInAs, textareaIn } from '../support/pages';
import { useTestStack } from '../support/use-stack';

/**
 * The grant page's decide form over plain HTTP, as a browser without JavaScript sends it: decoded
 * into `conditionDecision`, the schema `POST /grants/{id}/conditions/{c}/decision` parses with,
 * so the reason has the API's limit on the page too (a 300,000-character "not met" reason was
 * once saved through the page and rendered in full).
 */
const { stack, fixture: f } = useTestStack({ seed: true, fixture: grantFixture });
let grantId: string;
let lead: PageClient;
type Condition = { id: string; status: string; version: number; decision?: { outcome: string; reason?: string } };
const condition = async () =>
  (await stack.api.call<{ conditions: Condition[] }>(f.lead.admin, 'GET', `/grants/${grantId}`)).conditions[0] as Condition;
const post = async (fields: Record<string, string>) => lead.post(`/app/grants/${grantId}`, { ...fields, csrf: await lead.csrf() });
/** The error summary's entries, [the field it links to on this page, its message]. */
const summary = (html: string) => errorSummary(html, 'this page');

beforeAll(async () => {
  grantId = await conditionalGrant(f, 'Decide-form grant', 300_000, {
    condition: 'A safeguarding policy adopted by the board',
    trancheDue: inDays(stack, 1),
    reportDue: inDays(stack, 40),
  });
  lead = await signInAs(stack, f.lead.admin.email);
});

describe('the grant page’s decide form', () => {
  it('refuses an empty decision, a missing reason and a reason over 1,000 characters, keeping what was typed and saving nothing', async () => {
    const page = (await lead.get(`/app/grants/${grantId}`)).html;
    expect(page).toContain('At most 1,000 characters.');
    expect(page).toContain('id="decide-C1"');
    const before = await stack.itemCount();

    const empty = await post({ condition: 'C1' });
    expect(empty.status).toBe(400);
    expect(summary(empty.html)).toEqual([['outcome-C1', 'Select met, waived or not met']]);

    // The domain's rule (a reason for "not met"), against the field, with the choice kept.
    const unexplained = await post({ condition: 'C1', 'outcome-C1': 'not-met', 'reason-C1': '   ' });
    expect(unexplained.status).toBe(400);
    expect(summary(unexplained.html)).toEqual([['reason-C1', 'A reason is needed when a condition is not met']]);
    expect(unexplained.html).toMatch(/name="outcome-C1" type="radio" value="not-met" checked/);

    const long = `${'No board minute yet. '.repeat(50)}`.slice(0, 1000);
    const over = await post({ condition: 'C1', 'outcome-C1': 'not-met', 'reason-C1': `${long}!` });
    expect(over.status).toBe(400);
    expect(summary(over.html)).toEqual([['reason-C1', 'Reason must be 1,000 characters or fewer']]);
    expect(textareaIn(over.html, 'reason-C1')).toBe(`${long}!`);
    expect(over.html).toMatch(/name="outcome-C1" type="radio" value="not-met" checked/);

    const huge = await post({ condition: 'C1', 'outcome-C1': 'not-met', 'reason-C1': 'x'.repeat(300_000) });
    expect(huge.status).toBe(400);
    expect(summary(huge.html)).toEqual([['reason-C1', 'Reason must be 1,000 characters or fewer']]);

    expect(await condition()).toMatchObject({ status: 'pending', version: 1 });
    expect((await condition()).decision).toBeUndefined();
    expect(await stack.itemCount()).toBe(before);

    // At the limit it is saved whole (the schema keeps the reason as typed, bar the ends).
    const notMet = await post({ condition: 'C1', 'outcome-C1': 'not-met', 'reason-C1': long });
    expect([notMet.status, notMet.location]).toEqual([303, `/app/grants/${grantId}?done=not-met`]);
    expect((await condition()).decision).toMatchObject({ outcome: 'not-met', reason: long.trim() });
    expect((await lead.get(notMet.location as string)).html).toContain(
      'Condition decided: Not met. The provider is emailed the outcome, with your reason if you gave one.',
    );
    // A decision from the page is emailed to the provider like one through the API.
    await stack.runtime.settle();
    expect(await mail(f, 'hello@wva.example.org', /^Condition not met: Decide-form grant$/)).toHaveLength(1);
  });

  it('a decision the rules refuse shows on the page against the form; a form without its condition is refused whole', async () => {
    const met = await post({ condition: 'C1', 'outcome-C1': 'met' });
    expect(met.location).toBe(`/app/grants/${grantId}?done=met`);
    const version = (await condition()).version;
    const again = await post({ condition: 'C1', 'outcome-C1': 'waived', 'reason-C1': 'Board changed its mind.' });
    expect(again.status).toBe(400);
    expect(summary(again.html)).toEqual([['decide-C1', 'Condition C1 is already met']]);
    expect(again.html).toContain('Decide-form grant</h1>');
    expect(await condition()).toMatchObject({ status: 'met', version });
    for (const form of [{}, { condition: 'not a condition', 'outcome-C1': 'met' }] as Record<string, string>[])
      expect((await post(form)).status).toBe(400);
  });
});
