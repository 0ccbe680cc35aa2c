import { beforeAll, describe, expect, it } from 'vitest';
import { award, grantFixture, inDays, linkIn, mail, openLink, plan, postLink, report, scopeOf } from '../support/grant';
import { signInAs } from '../support/pages';
import { DAY } from '../support/stack';
import { useTestStack } from '../support/use-stack';

/**
 * Changes requested, over HTTP as the provider and the lead meet it: the new link's form opens
 * with the reviewer's comments above it and every answer of the last submission in its inputs,
 * so the provider changes only what was asked; a draft saved since wins over the submission.
 */
const { stack, fixture: f } = useTestStack({ seed: true, fixture: grantFixture });

const comment = 'Please split the funding figure by source.\n\nAnd name one group in the example.';

/** Every figure and question of the quarterly ("full") template, as a treasurer might type them. */
const firstAnswers = {
  'measures.groups-supported': '23',
  'measures.funding-secured': '£8400.25',
  'measures.volunteers-placed': '41',
  'measures.network-meetings': '6',
  'measures.groups-satisfied': '87.5',
  'questions.progress': 'Six new groups joined the forum & two merged.',
  'questions.voice': 'We spoke for "small groups" at the council’s <budget> scrutiny panel.',
  'questions.challenges': 'Our hall flooded in March; we met online instead.',
  'questions.story': 'A lunch club now has its own bank account.',
};
/** The same answers as the form shows them again: money in pounds with separators. */
const shownAgain = { ...firstAnswers, 'measures.funding-secured': '8,400.25' };

const fromHtml = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] as string);

/** Each input's and textarea's value by name, as a browser would post the form back. */
function fieldValues(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<input [^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) out[m[1] as string] = fromHtml(m[2] as string);
  for (const m of html.matchAll(/<textarea [^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) out[m[1] as string] = fromHtml(m[2] as string);
  return out;
}

/** A grant with a quarterly-form report, sent once with `firstAnswers`, then changes asked for on the report page. */
async function changesRequested(title: string) {
  const g = await award(f, title, 2_000_000);
  const p = await plan(f, g.id, {
    tranches: [{ amount: 2_000_000, dueDate: inDays(stack, 0) }],
    reporting: { frequency: 'one-off', template: 'full', dueDate: inDays(stack, 35) },
  });
  const reportId = (p.reports[0] as { id: string }).id;
  await stack.runtime.advanceTo(new Date(stack.clock.now().getTime() + 8 * DAY));
  const first = linkIn(
    (await mail(f, f.recipient.contactEmail, new RegExp(`^Report due .*: ${title}$`)))[0] as { body: { text?: string } },
  );
  const sent = await postLink(first, { scope: scopeOf((await openLink(first)).html), action: 'submit', ...firstAnswers });
  expect(sent.html).toContain('Thank you: your report has been sent');
  await stack.runtime.settle();
  // Signed in now: a session does not outlive the days the clock was moved on.
  const staff = await signInAs(stack, f.lead.admin.email);
  const review = await staff.post(`/app/reports/${reportId}`, { decision: 'request-changes', comments: comment, csrf: await staff.csrf() });
  expect(review.status).toBe(303);
  await stack.runtime.settle();
  const [changes] = await mail(f, f.recipient.contactEmail, new RegExp(`^Changes requested: .* for ${title}$`));
  return { reportId, first, link: linkIn(changes as { body: { text?: string } }) };
}

let a: { reportId: string; first: string; link: string };
let b: { reportId: string; first: string; link: string };

beforeAll(async () => {
  a = await changesRequested('Resubmit grant');
  b = await changesRequested('Draft grant');
}, 240_000);

describe('the form behind the link sent after "ask for changes"', () => {
  it('shows the reviewer’s comments above the form and every earlier answer in its inputs, and opening it twice spends nothing', async () => {
    expect((await openLink(a.first)).status).toBe(410);
    for (const _ of [1, 2]) {
      const page = await openLink(a.link);
      expect(page.status).toBe(200);
      const box = /<div class="notice govuk-inset-text" id="reviewer-comments">(.*?)<\/div>/s.exec(page.html)?.[1];
      expect(box).toBe(
        '<h2>What the reviewer asked you to change</h2><p>Please split the funding figure by source.</p><p>And name one group in the example.</p>',
      );
      expect(page.html.indexOf('reviewer-comments')).toBeLessThan(page.html.indexOf('<form'));
      expect(page.html).toContain('Your last report is filled in below.');
      expect(fieldValues(page.html)).toEqual({ scope: a.reportId, ...shownAgain });
    }
  });

  it('sent back with one answer changed, the second submission has that change and every other answer', async () => {
    const form = fieldValues((await openLink(a.link)).html);
    const sent = await postLink(a.link, {
      ...form,
      action: 'submit',
      'measures.funding-secured': '6,100.25',
      'questions.story': 'Brookside Lunch Club now has its own bank account.',
    });
    expect(sent.status).toBe(200);
    await stack.runtime.settle();
    const got = (await report(f, a.reportId)) as unknown as { report: { status: string }; submissions: Record<string, unknown>[] };
    expect(got.report.status).toBe('submitted');
    expect(got.submissions.map((s) => [s.n, s.measures, s.questions])).toEqual([
      [
        1,
        { 'groups-supported': 23, 'funding-secured': 840_025, 'volunteers-placed': 41, 'network-meetings': 6, 'groups-satisfied': 87.5 },
        {
          progress: 'Six new groups joined the forum & two merged.',
          voice: 'We spoke for "small groups" at the council’s <budget> scrutiny panel.',
          challenges: 'Our hall flooded in March; we met online instead.',
          story: 'A lunch club now has its own bank account.',
        },
      ],
      [
        2,
        { 'groups-supported': 23, 'funding-secured': 610_025, 'volunteers-placed': 41, 'network-meetings': 6, 'groups-satisfied': 87.5 },
        {
          progress: 'Six new groups joined the forum & two merged.',
          voice: 'We spoke for "small groups" at the council’s <budget> scrutiny panel.',
          challenges: 'Our hall flooded in March; we met online instead.',
          story: 'Brookside Lunch Club now has its own bank account.',
        },
      ],
    ]);
  });

  it('a draft saved after the request wins over the submission, field by field, and is what opens next time', async () => {
    const scope = scopeOf((await openLink(b.link)).html);
    const saved = await postLink(b.link, {
      scope,
      action: 'save',
      'measures.volunteers-placed': '44',
      'questions.story': 'Half rewritten',
    });
    expect(saved.status).toBe(200);
    const page = await openLink(b.link);
    expect(page.html).toContain('What the reviewer asked you to change');
    expect(page.html).toMatch(/Draft saved at /);
    expect(page.html).not.toContain('Your last report is filled in below.');
    expect(fieldValues(page.html)).toEqual({
      scope: b.reportId,
      ...shownAgain,
      'measures.volunteers-placed': '44',
      'questions.story': 'Half rewritten',
    });
    expect((await report(f, b.reportId)).report).toMatchObject({ status: 'changes-requested', submissions: 1 });
  });
});
