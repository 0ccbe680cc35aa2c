import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeEmail } from '../../shared/platform/email/message';
import { allExampleEmails, mailModules } from '../support/email-examples';

/**
 * Every email grantloop sends is built by a builder in a mail module, from one message rendered
 * twice (shared/platform/email). This renders every builder (test/support/email-examples.ts) and
 * checks what a reader relies on: both parts, the same links in each, at most one call to
 * action, dates and times in words on the London clock, money in pounds.
 */

const root = join(import.meta.dirname, '..', '..');
const sources = (dir: string): string[] =>
  readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
const code = [...sources('shared'), ...sources('functions')].filter((p) => !p.startsWith(join('shared', 'platform', 'email')));

const urls = (s: string) => [...s.matchAll(/https?:\/\/[^\s"<>]+/g)].map((m) => m[0]).sort();
const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => (m[1] as string).replaceAll('&amp;', '&')).sort();

describe('every email builder', () => {
  it('is listed with example inputs: a module that composes emails, and every builder in it', async () => {
    const composing = code.filter((p) => readFileSync(join(root, p), 'utf8').includes('composeEmail(')).map((p) => relative('.', p));
    expect(composing.sort(), 'modules that call composeEmail, all listed in test/support/email-examples.ts').toEqual(
      Object.keys(mailModules).sort(),
    );
    for (const [path, { module, builders, helpers = [] }] of Object.entries(mailModules)) {
      const functions = Object.entries(module)
        .filter(([, v]) => typeof v === 'function')
        .map(([k]) => k);
      expect(functions.sort(), `${path}: each exported function built in the examples or named a helper`).toEqual(
        [...Object.keys(builders), ...helpers].sort(),
      );
    }
  });

  it('is the only way an email is made: no email written as an object literal anywhere else', () => {
    const listed = new Set(Object.keys(mailModules));
    const adHoc = code.filter((p) => !listed.has(p) && /\bsubject:\s*`|\btext:\s*`Hello/.test(readFileSync(join(root, p), 'utf8')));
    expect(adHoc, 'write a builder in a mail module with composeEmail (docs/ARCHITECTURE.md, "Emails")').toEqual([]);
  });

  const examples = allExampleEmails();

  it.each(examples)('$name: both parts, the same links, one call to action', ({ email }) => {
    expect(email.text.length).toBeGreaterThan(50);
    expect(email.html).toMatch(/^<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">/);
    expect(email.html).toContain(`<title>`);
    expect(email.html).toContain('>grantloop</div>');
    expect(email.text).toMatch(/\n-- \nSent by grantloop for .+\.\n/);
    expect(hrefs(email.html), 'every link in the HTML is in the text, and the reverse').toEqual(urls(email.text));
    const buttons = [...email.html.matchAll(/<a href="([^"]+)" style="display:inline-block/g)].map((m) => m[1]);
    expect(buttons.length).toBeLessThanOrEqual(1);
    // The call to action's words and its URL, on lines of their own in the text.
    if (buttons[0]) expect(email.text).toMatch(new RegExp(`:\\n${buttons[0].replace(/[.?*+^$[\]\\(){}|-]/g, '\\$&')}\\n`));
    // A link that expires says so; a link-less email says nothing about forwarding one.
    const expires = /This link works (once, )?until .+\. If it stops working, ask .+ for a new one\./;
    if (/\/(r|b|m|c)\/A{43}/.test(email.text)) expect(email.text).toMatch(expires);
    else expect(email.text).not.toMatch(/forward|This link works/);
  });

  it.each(examples)('$name: dates and times in words in London, money in pounds', ({ email }) => {
    for (const part of [email.subject, email.text, email.html]) {
      expect(part).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(part).not.toMatch(/\bUTC\b|\bGMT\b|T\d{2}:\d{2}/);
      // An amount with thousands separators is always in pounds.
      expect(part.replaceAll('&pound;', '£')).not.toMatch(/(?<![£\d,.])\d{1,3}(,\d{3})+(\.\d{2})?\b/);
    }
  });

  it('escapes every value in the HTML and keeps line breaks', () => {
    const email = composeEmail({
      to: ['a@example.org'],
      subject: 'A <b>bold</b> "title" & more',
      greeting: "O'Brien & <Sons>",
      body: [
        'Line one\nline two <script>alert(1)</script>',
        { quote: '"quoted" & <tagged>' },
        { link: { label: 'Not a web address', url: 'javascript:alert(1)' } },
      ],
      action: { label: 'Go <now>', url: 'https://example.org/?a=1&b="2"' },
      sender: 'the <Partnership>',
    });
    expect(email.html).not.toMatch(/<b>|<script|<Sons>|<tagged>|<Partnership>|<now>|href="javascript/);
    expect(email.html).toContain('<title>A &lt;b&gt;bold&lt;/b&gt; &quot;title&quot; &amp; more</title>');
    expect(email.html).toContain('Line one<br>line two &lt;script&gt;');
    expect(email.html).toContain('href="https://example.org/?a=1&amp;b=&quot;2&quot;"');
    expect(email.text).toContain("Hello O'Brien & <Sons>,");
  });

  it("states a link's expiry on the London clock: 5pm in winter is 17:00 UTC, in summer 16:00 UTC", () => {
    const at = (iso: string) =>
      composeEmail({
        to: ['a@example.org'],
        subject: 's',
        body: [],
        action: { label: 'Go', url: 'https://x.example/r/1', expires: { at: iso, ask: { name: 'Council', email: 'c@x.example' } } },
        sender: 'x',
      }).text;
    expect(at('2026-12-11T17:00:00.000Z')).toContain(
      'This link works until 5pm on 11 December 2026. If it stops working, ask Council (c@x.example) for a new one.',
    );
    expect(at('2026-07-11T16:00:00.000Z')).toContain('This link works until 5pm on 11 July 2026.');
  });
});
