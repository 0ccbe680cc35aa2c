import { readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPublicPage } from '../../functions/publishing/public-page';
import { buildAssets } from '../../infra/assets';
import { buildPublicView, loadPublicSource, type PublicView } from '../../shared/publishing/public-view';
import { axeOn } from '../support/axe';
import { launchChromium } from '../support/browser';
import { htmlErrors } from '../support/vnu';
import { NOW, twoConsortia } from './public-fixture';

/**
 * The public page rendered from the view model of the in-memory fixture, served as the route
 * serves it (the page's own headers, grantloop's CSS) and opened in Chromium: it works with
 * JavaScript off and carries none, passes axe-core (WCAG 2.2 A and AA) with no serious or critical
 * violation and the W3C Nu HTML Checker with no error, and shows nothing of the other consortium.
 */
const assets = join(tmpdir(), `grantloop-public-page-${process.pid}`);
let server: Server;
let base: string;
let browser: Browser;
const pages = new Map<string, { headers: Record<string, string>; body: string }>();

const showNothing = { grants: false, tenders: false, successRates: false, decisions: false };

beforeAll(async () => {
  const f = await twoConsortia();
  const view = async (c: { id: string }, change = {}): Promise<PublicView> => {
    const src = await loadPublicSource(f.deps, c.id, f.settings(c, change), NOW);
    if (!src) throw new Error('no source');
    return buildPublicView(src, NOW);
  };
  const served = async (v: PublicView) => {
    const r = await renderPublicPage(v, { 'cache-control': 'public, max-age=60' });
    return { headers: r.headers, body: r.body };
  };
  pages.set('/open/a', await served(await view(f.a.c, { purpose: 'Local infrastructure for Wyvernshire', placeCode: 'E10000034' })));
  pages.set('/open/b', await served(await view(f.b.c)));
  pages.set('/open/none', await served(await view(f.a.c, { show: showNothing })));
  const css = readFileSync(join(buildAssets(process.cwd(), assets), 'grantloop.css'));
  server = createServer((req, res) => {
    if (req.url === '/assets/grantloop.css') return void res.writeHead(200, { 'content-type': 'text/css; charset=utf-8' }).end(css);
    const page = pages.get(req.url ?? '');
    if (!page) return void res.writeHead(404).end();
    res.writeHead(200, page.headers).end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(assets, { recursive: true, force: true });
});

describe('the public page of a consortium', () => {
  it('reads with JavaScript off, with figures and dates in words, under grantloop’s own name', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    const res = await page.goto(`${base}/open/a`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['cache-control']).toBe('public, max-age=60');
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('.govuk-header__logotype, .govuk-header__crown').count()).toBe(0);
    expect((await page.locator('.govuk-generic-header').textContent())?.trim()).toBe('grantloop');
    const text = (await page.locator('main').textContent()) ?? '';
    for (const shown of [
      'Worcestershire (ONS code E10000034)',
      'Wyvernshire County Council',
      '66.7%',
      '£6,000.00',
      'Northern Hub CIC',
      '£29,000.00',
      'Cancelled on 10 May 2026: the council withdrew its money.',
    ])
      expect(text).toContain(shown);
    // The open tender's deadline, on the London clock (1pm BST): in words.
    expect(text).toContain('1pm on 15 June 2026');
    expect(await page.getByRole('link', { name: '360Giving grants data (CSV)' }).getAttribute('href')).toMatch(
      /^\/open\/.+\/360giving\.csv$/,
    );
    expect(await page.locator('caption').count()).toBe(await page.locator('table').count());
    expect(text).not.toMatch(/Borset|Losing Bidder|Unlucky Trust|Early Bidder/);
    await page.close();
  });

  it('shows only the summary and no data links when the lead shows nothing', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${base}/open/none`);
    expect(await page.locator('h2').allTextContents()).toEqual(['Open data']);
    expect(await page.locator('main table').count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('No data is published.');
    await page.close();
  });

  it('has no serious or critical accessibility violation (axe-core, WCAG 2.2 A and AA)', async () => {
    // JavaScript on only so axe can run in the page: the page itself carries none.
    const page = await browser.newPage();
    const found: string[] = [];
    for (const path of pages.keys()) {
      await page.goto(`${base}${path}`);
      found.push(...(await axeOn(page)).map((v) => `${path}: ${v}`));
    }
    expect(found).toEqual([]);
    // The check can fail: an image without alternative text and an empty link are found.
    await page.setContent('<html><body><img src="x.png"><a href="/x"></a></body></html>');
    expect((await axeOn(page)).length).toBeGreaterThan(0);
    await page.close();
  });

  it('passes the W3C Nu HTML Checker with no error', async () => {
    expect(await htmlErrors([...pages].map(([name, p]) => ({ name, html: p.body })))).toEqual([]);
  });
});
