import { describe, expect, it } from 'vitest';
import { catalog, forTarget } from '../../infra/catalog';
import type { SeededFunder } from '../../infra/local/scenario';
import { errorSummary, signInAs } from '../support/pages';
import { setupPool } from '../support/pool';
import { useTestStack } from '../support/use-stack';
import { goodId } from './bad-input-cases';

const { stack, funders } = useTestStack({ seed: true });

const routes = forTarget(catalog, 'local').routes.filter((r) => r.method !== 'GET');
/** Pages, emailed-link forms and sign-in answer in HTML; every other route in JSON. */
const html = (r: (typeof routes)[number]) => r.auth === 'page' || r.path.includes('{token}') || r.path.startsWith('/sign-');
const pathOf = (template: string) => template.replace(/\{token\}/, 'A'.repeat(43)).replace(/\{\w+\}/g, goodId);
/** "Café" in Latin-1: 0xE9 is not UTF-8. The same bytes as a JSON string, as a form field. */
const latin1 = (text: string) => Buffer.concat([Buffer.from(text.slice(0, -1)), Buffer.from([0xe9]), Buffer.from(text.slice(-1))]);
const jsonBytes = latin1('{"name":"Caf"}');
const formBytes = latin1('name=Caf&');

describe('a body that is not UTF-8 is refused, named, and writes nothing', () => {
  it('on every staff and public write route: 400 naming the body and the rule', async () => {
    expect(routes.length).toBeGreaterThan(40);
    const token = await stack.runtime.issuer.sign({ sub: stack.admin.id, email: stack.admin.email });
    const before = await stack.itemCount();
    for (const r of routes.filter((x) => !html(x))) {
      const res = await fetch(`${stack.runtime.apiUrl}${pathOf(r.path)}`, {
        method: r.method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: jsonBytes,
      });
      const body = (await res.json()) as { issues?: { field: string; rule: string }[] };
      expect(res.status, `${r.method} ${r.path}`).toBe(400);
      expect(body.issues, `${r.method} ${r.path}`).toContainEqual(expect.objectContaining({ field: 'body', rule: 'utf-8' }));
    }
    expect(await stack.itemCount()).toBe(before);
  });

  it('on the emailed-link forms and sign-in: a 400 page, nothing saved', async () => {
    const before = await stack.itemCount();
    for (const r of routes.filter((x) => html(x) && x.auth !== 'page')) {
      const res = await fetch(`${stack.runtime.apiUrl}${pathOf(r.path)}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { origin: stack.runtime.apiUrl, 'content-type': 'application/x-www-form-urlencoded' },
        body: formBytes,
      });
      expect(res.status, r.path).toBe(400);
      expect(await res.text(), r.path).toContain('This form could not be read');
    }
    expect(await stack.itemCount()).toBe(before);
  });

  it('on a staff page: the field named in the error summary, the other answers kept, nothing saved', async () => {
    const { consortium } = await setupPool(stack, funders, 'Bytes Fund');
    const lead = await signInAs(stack, (funders[0] as SeededFunder).admin.email);
    const path = `/app/consortia/${consortium.id}/pools/new?page=about`;
    const before = await stack.itemCount();
    const fields = `page=about&csrf=${encodeURIComponent(await lead.csrf())}&purpose=Support+for+groups&name=`;
    const res = await fetch(`${stack.runtime.apiUrl}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: lead.cookie, origin: stack.runtime.apiUrl, 'content-type': 'application/x-www-form-urlencoded' },
      body: latin1(`${fields}Caf `),
    });
    const page = await res.text();
    expect(res.status).toBe(400);
    expect(errorSummary(page)).toEqual([['name', 'Name of the pool has characters that could not be read: type it again']]);
    expect(page).toContain('Support for groups');
    expect(await stack.itemCount()).toBe(before);
    // A valid UTF-8 "é" is of course fine: it is the bytes that are refused, not the letter.
    const ok = await stack.request('POST', '/organisations', {
      as: stack.admin,
      body: {
        name: 'Café Trust',
        kind: 'funder',
        funderType: 'trust-foundation',
        identifier: 'GB-CHC-1199002',
        contactEmail: 'cafe@example.org',
      },
    });
    expect(ok.status).toBe(201);
    expect(await stack.itemCount()).toBeGreaterThan(before);
  });
});
