import { beforeAll, describe, expect, it } from 'vitest';
import type { Consortium } from '../../shared/consortia/consortium';
import { proposeConsortium } from '../support/consortia';
import { errorSummary, expectRefused, type PageClient, signInAs } from '../support/pages';
import { useTestStack } from '../support/use-stack';

/**
 * The consortium page's two forms over plain HTTP, as a browser without JavaScript sends them:
 * the lead's confirmation (the body-less `POST /consortia/{id}/confirm`) and the reporting
 * policy, decoded into `reportingPolicy`, the schema `PUT /consortia/{id}/reporting-policy`
 * parses with. A form it refuses answers 400 naming each field by its label, keeps what was
 * typed and writes nothing; a refusal by the rules shows on the page.
 */
const { stack, funder: f } = useTestStack({ seed: true });
let consortium: Consortium;
let lead: PageClient;
type Read = Consortium & { reportingPolicy?: Record<string, unknown> };
const read = () => stack.api.call<Read>(f(0).admin, 'GET', `/consortia/${consortium.id}`);
const post = async (fields: Record<string, string>) => lead.post(`/app/consortia/${consortium.id}`, { ...fields, csrf: await lead.csrf() });
/** The error summary's entries, [the field it links to on this page, its message]. */
const summary = (html: string) => errorSummary(html, 'this page');
const refused = (res: { status: number; html: string }, mistakes: [string, string][]) => expectRefused(res, mistakes, 'this page');
const typedIn = (html: string, name: string) => new RegExp(`name="${name.replace('.', '\\.')}"[^>]*value="([^"]*)"`).exec(html)?.[1];

/** A policy the schema accepts, with every number at its limit: due 120 days after, 8 reminders. */
const atLimits = {
  action: 'policy',
  threshold: '£50,000',
  'small.frequency': 'annual',
  'small.template': 'light',
  'large.frequency': 'six-monthly',
  'large.template': 'full',
  dueDaysAfterPeriodEnd: '120',
  reminderOffsetsDays: '14, -14, -7, -3, -1, 0, 3, 7',
  veryLateAfterDays: '180',
};

beforeAll(async () => {
  consortium = await proposeConsortium(stack, 'Page Confirm Fund', f(0), [f(1)]);
  lead = await signInAs(stack, f(0).admin.email);
});

describe('the consortium page forms', () => {
  it('the lead confirms by the form; confirming again is refused on the page, against the form', async () => {
    expect((await lead.get(`/app/consortia/${consortium.id}`)).html).toContain('id="confirm"');
    const confirmed = await post({ action: 'confirm' });
    expect([confirmed.status, confirmed.location]).toEqual([303, `/app/consortia/${consortium.id}?done=confirmed`]);
    await stack.runtime.settle();
    expect((await read()).status).toBe('active');
    const again = await post({ action: 'confirm' });
    refused(again, [['confirm', `Consortium ${consortium.id} is already active`]]);
    expect(again.html).toContain('Page Confirm Fund</h1>');
    expect((await post({ action: 'no-such-form' })).status).toBe(400);
  });

  it('the reporting policy: empty, or each number past its limit, is refused field by field with what was typed kept', async () => {
    const before = await read();
    const count = await stack.itemCount();

    const empty = await post({ action: 'policy' });
    refused(empty, [
      ['threshold', 'Enter the small-grant threshold'],
      ['small.frequency', 'Select how often small grants report'],
      ['small.template', 'Select the form small grants use'],
      ['large.frequency', 'Select how often larger grants report'],
      ['large.template', 'Select the form larger grants use'],
      ['dueDaysAfterPeriodEnd', 'Enter days until a report is due'],
      ['veryLateAfterDays', 'Enter days until a report is very late'],
    ]);

    const over = await post({
      ...atLimits,
      threshold: '1,000.005',
      dueDaysAfterPeriodEnd: '121',
      reminderOffsetsDays: `${atLimits.reminderOffsetsDays}, 1`,
      veryLateAfterDays: '181',
    });
    refused(over, [
      ['threshold', 'Small-grant threshold must be in pounds and pence, with no more than 2 decimal places'],
      ['dueDaysAfterPeriodEnd', 'Days until a report is due must be 120 or less'],
      ['reminderOffsetsDays', 'Enter no more than 8 reminder days'],
      ['veryLateAfterDays', 'Days until a report is very late must be 180 or less'],
    ]);
    expect(typedIn(over.html, 'threshold')).toBe('1,000.005');
    expect(typedIn(over.html, 'reminderOffsetsDays')).toBe('14, -14, -7, -3, -1, 0, 3, 7, 1');

    const under = await post({ ...atLimits, dueDaysAfterPeriodEnd: '6', reminderOffsetsDays: '-61, 0', veryLateAfterDays: '0' });
    expect(summary(under.html)).toEqual([
      ['dueDaysAfterPeriodEnd', 'Days until a report is due must be 7 or more'],
      ['reminderOffsetsDays', 'Reminder days must be -60 or more'],
      ['veryLateAfterDays', 'Days until a report is very late must be 1 or more'],
    ]);
    const words = await post({ ...atLimits, reminderOffsetsDays: 'a week before' });
    expect(summary(words.html)).toEqual([
      ['reminderOffsetsDays', 'Reminder days must be whole numbers separated by commas, like -3, 0, 7'],
    ]);

    expect(await read()).toMatchObject({ version: before.version });
    expect((await read()).reportingPolicy).toEqual(before.reportingPolicy);
    expect(await stack.itemCount()).toBe(count);
  });

  it('the reporting policy: the rules’ refusals show against the field; at every limit it is saved', async () => {
    const late = await post({ ...atLimits, reminderOffsetsDays: '-3, 30', veryLateAfterDays: '21' });
    refused(late, [['reminderOffsetsDays', 'Reminder days: reminders must come before the report is very late (day 21)']]);
    const twice = await post({ ...atLimits, reminderOffsetsDays: '7, 7' });
    expect(summary(twice.html)).toEqual([['reminderOffsetsDays', 'Reminder days: each reminder offset may appear once']]);

    const saved = await post(atLimits);
    expect([saved.status, saved.location]).toEqual([303, `/app/consortia/${consortium.id}?done=policy`]);
    expect((await read()).reportingPolicy).toEqual({
      thresholdPence: 5_000_000,
      small: { frequency: 'annual', template: 'light' },
      large: { frequency: 'six-monthly', template: 'full' },
      dueDaysAfterPeriodEnd: 120,
      reminderOffsetsDays: [-14, -7, -3, -1, 0, 3, 7, 14],
      veryLateAfterDays: 180,
    });
    const shown = (await lead.get(saved.location as string)).html;
    expect(typedIn(shown, 'threshold')).toBe('50000.00');
    expect(typedIn(shown, 'reminderOffsetsDays')).toBe('-14, -7, -3, -1, 0, 3, 7, 14');
  });
});
