import { beforeAll, describe, expect, it } from 'vitest';
import type { SeededFunder } from '../../infra/local/scenario';
import { award, grantFixture, inDays, lightAnswers, linkIn, mail, openLink, plan, postLink, report, scopeOf } from '../support/grant';
import { errorSummary, type PageClient, signInAs } from '../support/pages';
import { DAY } from '../support/stack';
import { useTestStack } from '../support/use-stack';

/**
 * The report page's review form over HTTP, sent wrong as a browser without JavaScript sends it:
 * decoded into the API's own body (`reportReview`), each mistake answers 400 with the error
 * summary naming the field as the page labels it, keeps what was typed, and writes nothing.
 */
const { stack, funders, fixture: f } = useTestStack({ seed: true, fixture: grantFixture });
let staff: PageClient;
let reportId: string;
let lostId: string;

beforeAll(async () => {
  const g = await award(f, 'Review form grant', 500_000);
  const p = await plan(f, g.id, {
    tranches: [{ amount: 500_000, dueDate: inDays(stack, 0) }],
    reporting: { frequency: 'one-off', template: 'light', dueDate: inDays(stack, 35) },
  });
  reportId = (p.reports[0] as { id: string }).id;
  // A second grant whose report the provider has not sent, and whose link it lost.
  const lost = await award(f, 'Lost link grant', 400_000);
  const q = await plan(f, lost.id, {
    tranches: [{ amount: 400_000, dueDate: inDays(stack, 0) }],
    reporting: { frequency: 'one-off', template: 'light', dueDate: inDays(stack, 35) },
  });
  lostId = (q.reports[0] as { id: string }).id;
  await stack.runtime.advanceTo(new Date(stack.clock.now().getTime() + 8 * DAY));
  const [request] = await mail(f, f.recipient.contactEmail, /^Report due .*: Review form grant$/);
  const url = linkIn(request as { body: { text?: string } });
  await postLink(url, lightAnswers(scopeOf((await openLink(url)).html)));
  await stack.runtime.settle();
  staff = await signInAs(stack, f.lead.admin.email);
});

const send = async (fields: Record<string, string>) => staff.post(`/app/reports/${reportId}`, { ...fields, csrf: await staff.csrf() });

/** 400, these errors, the page (not an error page), and the report exactly as it was. */
async function refused(fields: Record<string, string>, errors: [string, string][]): Promise<string> {
  const before = await report(f, reportId);
  const res = await send(fields);
  expect(res.status).toBe(400);
  expect(errorSummary(res.html)).toEqual(errors);
  expect(res.html).toContain('Answers (submission 1');
  await stack.runtime.settle();
  expect(await report(f, reportId)).toEqual(before);
  return res.html;
}

describe('the review form on the report page', () => {
  it('states the comments’ limit and refuses nothing chosen, comments over 2,000 characters, and changes asked for without saying what', async () => {
    expect((await staff.get(`/app/reports/${reportId}`)).html).toContain('Needed if you ask for changes. At most 2,000 characters.');
    await refused({}, [['decision', 'Select whether to accept the report or ask for changes']]);
    await refused({ decision: 'maybe' }, [['decision', 'Select whether to accept the report or ask for changes']]);
    const tooLong = 'z'.repeat(2001);
    const long = await refused({ decision: 'request-changes', comments: tooLong }, [
      ['comments', 'Comments for the provider must be 2,000 characters or fewer'],
    ]);
    expect(long).toContain(`>${tooLong}</textarea>`);
    expect(long).toMatch(/value="request-changes" checked/);
    const blank = await refused({ decision: 'request-changes', comments: '  ' }, [
      ['comments', 'Comments for the provider: say what should change'],
    ]);
    expect(blank).toMatch(/value="request-changes" checked/);
    expect((await report(f, reportId)).report).toMatchObject({ status: 'submitted', submissions: 1 });
  });

  it('accepts, then shows a second review as a message on the page against the form, not as an error page', async () => {
    const accepted = await send({ decision: 'accept', comments: 'Thank you.' });
    expect([accepted.status, accepted.location]).toEqual([303, `/app/reports/${reportId}?done=accept`]);
    await stack.runtime.settle();
    expect((await report(f, reportId)).report.status).toBe('accepted');
    const html = await refused({ decision: 'request-changes', comments: 'One more thing.' }, [
      ['review', `Report ${reportId} is not waiting for a review (it may already have been reviewed)`],
    ]);
    expect(html).not.toContain('This could not be done');
  });
});

describe('a new link for a report the provider has not sent', () => {
  // Typed by hand: the stack starts on 1 April 2026, the report is due 35 days later (6 May
  // 2026), and the time to send it ends 60 days after that, on 5 July 2026.
  const sendNewLink = async (client: PageClient) => {
    const res = await client.post(`/app/reports/${lostId}`, { action: 'new-link', csrf: await client.csrf() });
    await stack.runtime.settle();
    return res;
  };
  const newLinks = () => mail(f, f.recipient.contactEmail, /^New link: Report for Lost link grant$/);

  it('is offered to the lead only; the old link answers 410 "replaced"; the new one takes the report', async () => {
    const [request] = await mail(f, f.recipient.contactEmail, /^Report due .*: Lost link grant$/);
    const old = linkIn(request as { body: { text?: string } });
    const page = (await staff.get(`/app/reports/${lostId}`)).html;
    expect(page).toContain('It works until 11:59pm on 5 July 2026, when the time to send this report ends.');
    const member = await signInAs(stack, (funders[1] as SeededFunder).admin.email);
    expect((await member.get(`/app/reports/${lostId}`)).html).not.toContain('Send a new link');
    expect((await sendNewLink(member)).status).toBe(404);
    expect((await stack.request('POST', `/reports/${lostId}/link`, { as: (funders[1] as SeededFunder).admin })).status).toBe(403);
    expect(await newLinks()).toEqual([]);

    const sent = await sendNewLink(staff);
    expect([sent.status, sent.location]).toEqual([303, `/app/reports/${lostId}?done=new-link`]);
    expect((await staff.get(sent.location as string)).html).toContain('A new link is being emailed to the provider.');
    const [email, ...more] = await newLinks();
    expect(more).toEqual([]);
    expect(email?.body.text).toContain('This link works until 11:59pm on 5 July 2026.');
    const fresh = linkIn(email as { body: { text?: string } });
    const gone = await openLink(old);
    expect([gone.status, gone.html.includes('This link has been replaced')]).toEqual([410, true]);
    expect((await postLink(old, lightAnswers(lostId))).status).toBe(410);
    const done = await postLink(fresh, lightAnswers(scopeOf((await openLink(fresh)).html)));
    expect(done.status).toBe(200);
    await stack.runtime.settle();
    expect((await report(f, lostId)).report).toMatchObject({ status: 'submitted', submissions: 1 });
    // Sent: nothing more to send a link for.
    expect((await staff.get(`/app/reports/${lostId}`)).html).not.toContain('Send a new link');
  });
});
