import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isNode, type Node, pageModules, parse } from '../support/module-graph';
import { root } from '../support/stack';

/**
 * Issue 24, item 1: every page form is read by the shared decoder (functions/lib/web/form.ts)
 * into the schema its JSON route parses with, and by nothing else. The rule, checked on the
 * syntax tree of the code the staff pages run:
 *
 * - **Which code.** The catalog's page routes (`auth: 'page'`) name their functions; from each
 *   function's entry, every module it imports, directly or not, under `functions/`. A new page
 *   or a new helper a page imports is covered without a list to keep.
 * - **The form.** The request's posted form is `form` (one value a field) or `posted` (repeated
 *   fields kept): an identifier of either name, or a property of either name (`req.form`).
 * - **A read**, and so refused, is: a member of it (`form.decision`, `form?.x`, `posted[name]`,
 *   `req.posted.x`); destructuring it (`const { decision } = form`, or `{ form: { decision } }`
 *   in a parameter); spreading or iterating it (`{ ...form }`, `for (k in form)`); handing it to
 *   `Object.*` (`Object.entries(form)`); or renaming it (`const f = posted`), which would hide the
 *   reads that follow from this rule.
 * - **Allowed**: passing it whole, to an action (`runAction(caller, t, posted)`) or to the
 *   decoder, or to a view as what was typed (`typed={form}`, shown back in the inputs).
 * - **Exempt**, each by its exact text: the decoder itself (every read is its job); and the page
 *   route's `form.csrf`, the session's form token checked before any page runs.
 *
 * Forms outside staff pages are not page actions and are not covered: local sign-in (a public
 * route) and the emailed-link pages (`linkRoute`, whose kinds read their forms in `shared/`).
 *
 * The syntax tree is vite's `parseAst` (the oxc parser vitest already runs on): TypeScript 7's
 * package has no compiler API to parse with, and a regular expression would be fooled by
 * comments, strings and JSX text.
 */

const formNames = new Set(['form', 'posted']);
const exempt: Record<string, '*' | string[]> = {
  'functions/lib/web/form.ts': '*',
  'functions/lib/web/page-route.tsx': ['form.csrf'],
};

const named = (n: unknown, names: Set<string>) => isNode(n) && n.type === 'Identifier' && names.has(n.name as string);

/** The request's form: `form`/`posted`, or `x.form`/`x.posted` (not `x[form]`, a key). */
function isForm(n: Node): boolean {
  if (n.type === 'Identifier') return formNames.has(n.name as string);
  return n.type === 'MemberExpression' && !n.computed && named(n.property, formNames);
}

/** Whether the form, found under `parent` at `key`, is read there, as the rule above says. */
function readBy(parent: Node, key: string): boolean {
  switch (parent.type) {
    case 'MemberExpression':
      return key === 'object';
    case 'VariableDeclarator':
      return key === 'init';
    case 'AssignmentExpression':
      return key === 'right';
    case 'SpreadElement':
    case 'ForInStatement':
    case 'ForOfStatement':
      return key === 'argument' || key === 'right';
    case 'CallExpression': {
      const callee = parent.callee as Node;
      return key === 'arguments' && callee.type === 'MemberExpression' && named(callee.object, new Set(['Object']));
    }
    case 'Property':
      // `{ form: { decision } }` in a parameter or a declaration: destructuring the request's form.
      return key === 'key' && !parent.computed && ['ObjectPattern', 'ArrayPattern'].includes((parent.value as Node).type);
    default:
      return false;
  }
}

/** Every raw read of a posted form in one module's source, as `text` at `line`. */
function rawReads(source: string, file = 'page.tsx'): { line: number; text: string }[] {
  const ast = parse(source, file);
  const found: { line: number; text: string }[] = [];
  const visit = (node: Node, parent: Node | undefined, key: string) => {
    if (parent && isForm(node) && readBy(parent, key)) {
      // Report the whole access (`form.decision`, `form: { decision }`), not just `form`.
      const whole = parent.type === 'MemberExpression' || parent.type === 'Property' ? parent : node;
      found.push({ line: source.slice(0, whole.start).split('\n').length, text: source.slice(whole.start, whole.end) });
    }
    for (const [k, v] of Object.entries(node)) {
      for (const child of Array.isArray(v) ? v : [v]) if (isNode(child)) visit(child, node, k);
    }
  };
  visit(ast, undefined, '');
  return found;
}

describe('page forms are read only by the shared decoder', () => {
  it('the rule finds each kind of raw read, and passes a form passed along whole or shown back', () => {
    const reads = rawReads(`
      const page = async ({ caller, form, posted, req }) => {
        const a = form.decision;
        const b = form?.['reason-C1'];
        const c = posted[name];
        const d = req.posted.action;
        const { comment } = form;
        const copy = { ...posted };
        for (const k in form) use(k);
        Object.entries(posted);
        const alias = form;
        const ok = await runAction(caller, t, posted);
        return <View typed={method === 'POST' ? form : {}} errors={decodeForm(s, f, posted).errors} />;
      };
      const nested = ({ form: { decision } }) => decision;
      const keys = { form: 'a key', posted: true, [form]: 1 };
      show(keys.form, x[posted]);
    `);
    expect(reads.map((r) => r.text)).toEqual([
      'form.decision',
      "form?.['reason-C1']",
      'posted[name]',
      'req.posted.action',
      'form',
      'posted',
      'form',
      'posted',
      'form',
      'form: { decision }',
    ]);
    expect(reads.map((r) => r.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 15]);
  });

  it('covers the code every page route runs: the pages and their actions', () => {
    const modules = pageModules();
    for (const f of [
      'functions/pools/round-actions.ts',
      'functions/grants/grant-actions.ts',
      'functions/overview/consortium-actions.ts',
      'functions/tenders/tender-actions.ts',
      'functions/contracts/contract-actions.ts',
      'functions/reporting/report-page.tsx',
      'functions/lib/web/form.ts',
      'functions/lib/web/page-route.tsx',
    ])
      expect(modules).toContain(f);
  });

  it('no page reads a posted field outside the decoder', () => {
    const found = pageModules().flatMap((file) => {
      const allowed = exempt[file];
      if (allowed === '*') return [];
      return rawReads(readFileSync(join(root, file), 'utf8'), file)
        .filter((r) => !allowed?.includes(r.text))
        .map((r) => `${file}:${r.line} ${r.text}`);
    });
    expect(found).toEqual([]);
  });
});
