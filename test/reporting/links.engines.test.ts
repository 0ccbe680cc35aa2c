import { beforeAll, describe, expect, it } from 'vitest';
import { award, grantFixture, inDays, lightAnswers, linkIn, mail, openLink, plan, postLink, report, scopeOf } from '../support/grant';
import { DAY } from '../support/stack';
import { useTestStack } from '../support/use-stack';

const { stack, fixture: f } = useTestStack({ seed: true, fixture: grantFixture });
const links: Record<string, { url: string; reportId: string }> = {};

beforeAll(async () => {
  // Three grants, each with one report due in 30 days; their requests go out at once.
  for (const title of ['Alpha grant', 'Bravo grant', 'Charlie grant']) {
    const g = await award(f, title, 300_000);
    const p = await plan(f, g.id, {
      tranches: [{ amount: 300_000, dueDate: inDays(stack, 40) }],
      reporting: { frequency: 'one-off', template: 'light', dueDate: inDays(stack, 30) },
    });
    links[title] = { url: '', reportId: (p.reports[0] as { id: string }).id };
  }
  await stack.runtime.advanceTo(new Date(stack.clock.now().getTime() + 3 * DAY));
  for (const title of Object.keys(links)) {
    const [request] = await mail(f, f.recipient.contactEmail, new RegExp(`^Report due .*: ${title}$`));
    (links[title] as { url: string }).url = linkIn(request as { body: { text?: string } });
  }
});

const titles = ['Alpha grant', 'Bravo grant', 'Charlie grant'];
const leaksNothing = (html: string) => {
  for (const t of titles) expect(html).not.toContain(t);
  expect(html).not.toContain(f.recipient.name);
};

describe('emailed links', () => {
  it('carry a 256-bit token; the page is a plain form with strict headers, and GET never consumes it', async () => {
    const { url } = links['Alpha grant'] as { url: string };
    expect(url.split('/r/')[1]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const first = await openLink(url);
    const second = await openLink(url);
    for (const page of [first, second]) {
      expect(page.status).toBe(200);
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.html).toContain('Alpha grant');
      expect(page.html).not.toContain('<script');
    }
    expect(first.html).toMatch(/Due<\/dt><dd>\d{1,2} \w+ 2026/);
    expect(first.html).toContain('What difference did this grant make this year?');
  });

  it('a draft is saved without spending the link; a submission with mistakes is shown again and writes nothing', async () => {
    const { url, reportId } = links['Alpha grant'] as { url: string; reportId: string };
    const scope = scopeOf((await openLink(url)).html);
    const saved = await postLink(url, { scope, action: 'save', 'measures.groups-supported': '9', 'questions.difference': 'Half done' });
    expect(saved.status).toBe(200);
    expect(saved.html).toContain('Draft saved');
    expect((await openLink(url)).html).toContain('Half done');
    const before = await stack.itemCount();
    const wrong = await postLink(url, { ...lightAnswers(scope), 'measures.groups-supported': 'lots' });
    expect(wrong.status).toBe(422);
    expect(wrong.html).toContain('is not a valid whole number');
    expect(await stack.itemCount()).toBe(before);
    expect((await report(f, reportId)).report.status).toBe('requested');
  });

  it('GET twice (a mail scanner), then POST: the submission is taken once; the same link again is refused and writes nothing', async () => {
    const { url, reportId } = links['Alpha grant'] as { url: string; reportId: string };
    await openLink(url);
    const page = await openLink(url);
    expect((await postLink(url, lightAnswers(scopeOf(page.html)))).status).toBe(200);
    await stack.runtime.settle();
    const before = await stack.itemCount();
    const reuse = await postLink(url, lightAnswers(scopeOf(page.html)));
    expect(reuse.status).toBe(410);
    expect(reuse.html).toContain('already been used');
    leaksNothing(reuse.html);
    expect((await openLink(url)).status).toBe(410);
    expect(await stack.itemCount()).toBe(before);
    expect((await report(f, reportId)).submissions).toHaveLength(1);
  });

  it('a token for another report, a tampered token and an unknown one are refused without leaking or writing anything', async () => {
    const bravo = links['Bravo grant'] as { url: string; reportId: string };
    const charlie = links['Charlie grant'] as { url: string; reportId: string };
    const before = await stack.itemCount();
    const crossed = await postLink(bravo.url, lightAnswers(charlie.reportId));
    expect(crossed.status).toBe(409);
    expect(crossed.html).toContain('belongs to a different form');
    leaksNothing(crossed.html);

    const token = bravo.url.split('/r/')[1] as string;
    const tampered = `${bravo.url.split('/r/')[0]}/r/${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const url of [tampered, `${bravo.url.split('/r/')[0]}/r/${'x'.repeat(43)}`, `${bravo.url.split('/r/')[0]}/r/short`]) {
      const got = await openLink(url);
      expect(got.status).toBe(404);
      expect(got.html).toContain('This link is not recognised');
      leaksNothing(got.html);
      const posted = await postLink(url, lightAnswers(bravo.reportId));
      expect(posted.status).toBe(404);
      leaksNothing(posted.html);
    }
    expect(await stack.itemCount()).toBe(before);
    for (const r of [bravo, charlie]) expect((await report(f, r.reportId)).report.status).toBe('requested');
  });

  it('an expired link is refused, says whom to ask, and writes nothing', async () => {
    const { url, reportId } = links['Charlie grant'] as { url: string; reportId: string };
    const scope = scopeOf((await openLink(url)).html);
    // Links stay valid 60 days after the due date (due in 27 days from here).
    await stack.runtime.advanceTo(new Date(stack.clock.now().getTime() + 90 * DAY));
    const before = await stack.itemCount();
    const got = await openLink(url);
    expect(got.status).toBe(410);
    expect(got.html).toContain('This link has expired');
    expect(got.html).toContain(f.lead.org.contactEmail);
    leaksNothing(got.html);
    expect((await postLink(url, lightAnswers(scope))).status).toBe(410);
    expect(await stack.itemCount()).toBe(before);
    expect((await report(f, reportId)).submissions).toHaveLength(0);
  });
});
