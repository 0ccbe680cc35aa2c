import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestStack } from './stack';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, as LOCAL-AWS.md describes; no silent skip when it is missing. */
export async function launchChromium(): Promise<Browser> {
  // CI installs Debian's chromium (.ci/run); a machine without it should say so.
  if (!existsSync(executablePath))
    throw new Error(`Chromium not found at ${executablePath}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A new page (JavaScript on or off) of someone signed in through the local sign-in page's "Sign in as" button. */
export async function signedInPage(
  browser: Browser,
  stack: TestStack,
  who: { admin: { name: string } },
  javaScriptEnabled: boolean,
): Promise<Page> {
  const page = await browser.newPage({ javaScriptEnabled });
  await page.goto(`${stack.runtime.apiUrl}/sign-in`);
  await page.getByRole('button', { name: new RegExp(`Sign in as ${who.admin.name}`) }).click();
  return page;
}

/**
 * An emailed link opened as its recipient opens it, in a new page with JavaScript off: it must
 * answer 200 and tell the browser to send no referrer (the link's token stays out of other sites' logs).
 */
export async function openEmailedLink(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ javaScriptEnabled: false });
  const opened = await page.goto(url);
  expect(opened?.status()).toBe(200);
  expect(opened?.headers()['referrer-policy']).toBe('no-referrer');
  return page;
}
