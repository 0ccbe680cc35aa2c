import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestStack } from './stack';

/**
 * People walking the staff pages in Chromium with JavaScript off, as issue 24's acceptance asks:
 * each in a browser of their own, signed in once; each step's page loads counted; every request
 * recorded (to show none went to the JSON API) and every page seen kept (for axe at the end).
 */
export function walk(stack: () => TestStack, browser: () => Browser) {
  const loads: [string, number][] = [];
  const requests: { path: string; auth: boolean }[] = [];
  /** Every page each person saw (by its address), for the accessibility check at the end. */
  const visited = new Map<string, string | undefined>();
  const whose = new WeakMap<Page, string>();

  const signedIn = new Map<string, Page>();
  /** The page of someone signed in (once) in their own browser. */
  async function as(who: { staff: { email: string } }, stepName = `${who.staff.email} signs in`): Promise<Page> {
    const had = signedIn.get(who.staff.email);
    if (had) return had;
    const { page } = await person();
    whose.set(page, who.staff.email);
    await step(stepName, page, () => signIn(page, who.staff.email));
    signedIn.set(who.staff.email, page);
    return page;
  }

  /** A person's own browser (cookies of their own), JavaScript off, every request it makes recorded. */
  async function person(): Promise<{ ctx: BrowserContext; page: Page }> {
    const ctx = await browser().newContext({ javaScriptEnabled: false });
    ctx.on('request', (r) => {
      const url = new URL(r.url());
      requests.push({ path: url.pathname, auth: 'authorization' in r.headers() });
    });
    ctx.setDefaultTimeout(5000);
    return { ctx, page: await ctx.newPage() };
  }

  /** Runs one step of the walk in `page`, counting the documents it loads (each click of a link or a button is one). */
  async function step<T>(name: string, page: Page, fn: () => Promise<T>): Promise<T> {
    let n = 0;
    const count = (f: { parentFrame(): unknown; url(): string }) => {
      if (f.parentFrame()) return;
      n++;
      visited.set(f.url(), whose.get(page));
    };
    page.on('framenavigated', count);
    try {
      return await fn();
    } catch (error) {
      // What the person was looking at when the step failed.
      console.log(`step "${name}" failed at ${page.url()}:\n${(await page.locator('body').innerText()).slice(0, 2500)}`);
      throw error;
    } finally {
      page.off('framenavigated', count);
      loads.push([name, n]);
    }
  }

  async function signIn(page: Page, email: string) {
    await page.goto(`${stack().runtime.apiUrl}/sign-in`);
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.locator('h1').first().textContent()).resolves.toBeTruthy();
    if (process.env.DEBUG_PAGES) console.log(page.url(), await page.locator('body').innerText());
  }

  const button = (page: Page, name: string | RegExp) =>
    page
      .getByRole('button', { name, exact: typeof name === 'string' })
      .first()
      .click();
  /** A link, or a start link (a link styled as a button, `role="button"`). */
  const link = (page: Page, name: string | RegExp) => {
    const exact = typeof name === 'string';
    return page.getByRole('link', { name, exact }).or(page.getByRole('button', { name, exact })).first().click();
  };
  const fill = (page: Page, label: string, value: string) => page.getByLabel(label, { exact: true }).fill(value);
  const pick = (page: Page, label: string) =>
    page
      .getByRole('radio', { name: label, exact: true })
      .or(page.getByRole('checkbox', { name: label, exact: true }))
      .first()
      .check();
  const panel = (page: Page) => page.locator('.govuk-panel__title').textContent();
  const h1 = (page: Page) => page.locator('h1').first().textContent();
  const main = (page: Page) => page.locator('main').textContent();
  async function date(page: Page, legend: string, iso: string, within = page.locator('body')) {
    const [y, m, d] = iso.split('-');
    const group = within.getByRole('group', { name: legend });
    await group.getByLabel('Day').fill(String(Number(d)));
    await group.getByLabel('Month').fill(String(Number(m)));
    await group.getByLabel('Year').fill(y as string);
  }

  /**
   * Answers a form's questions in order, each found by its label: text is typed, `true` ticks a
   * radio or a checkbox, `{ date }` fills a date's three boxes; then presses the button `press`.
   */
  async function answer(page: Page, answers: Record<string, string | true | { date: string }>, press: string) {
    for (const [label, value] of Object.entries(answers)) {
      if (value === true) await pick(page, label);
      else if (typeof value === 'string') await fill(page, label, value);
      else await date(page, label, value.date);
    }
    await button(page, press);
  }

  const report = () =>
    `page loads per step:\n${loads.map(([s, n]) => `  ${String(n).padStart(3)}  ${s}`).join('\n')}\n  ${loads.reduce((a, [, n]) => a + n, 0)} in all`;
  return { as, person, step, signIn, button, link, fill, pick, panel, h1, main, date, answer, loads, requests, visited, report };
}
