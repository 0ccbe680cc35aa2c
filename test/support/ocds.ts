import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { apply } from 'json-merge-patch';
import { root } from './stack';

/**
 * Validates OCDS packages against the official schemas in ../shared, in place and offline:
 * core 1.1.5 with the lots, bids and UK extensions applied as JSON Merge Patches in that order
 * (see ../shared/schemas/README.md), draft-04, formats asserted.
 */
const dir = join(root, '..', 'shared', 'schemas');
const read = (path: string) => JSON.parse(readFileSync(join(dir, path), 'utf8'));

export function ocdsValidators() {
  let release = read('ocds-1.1.5/release-schema.json');
  for (const ext of ['lots', 'bids', 'uk']) release = apply(release, read(`ocds-extensions/${ext}/release-schema.json`));
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // The package schemas refer to the release schema by its id: the patched one is registered there.
  ajv.addSchema(release);
  // The record schema also names the versioned-release schema, which ../shared does not hold:
  // our records carry no versionedRelease, and one that did would fail here rather than pass unchecked.
  ajv.addSchema({ id: 'https://standard.open-contracting.org/schema/1__1__5/versioned-release-validation-schema.json', not: {} });
  return {
    release: ajv.compile(read('ocds-1.1.5/release-package-schema.json')),
    record: ajv.compile(read('ocds-1.1.5/record-package-schema.json')),
  };
}

/** A codelist's codes: the core file plus any `+name.csv` an extension adds, or an extension's own list. */
export function codelist(name: string): Set<string> {
  const files = [
    `ocds-1.1.5/codelists/${name}.csv`,
    `ocds-extensions/bids/codelists/${name}.csv`,
    `ocds-extensions/uk/codelists/+${name}.csv`,
  ];
  const codes = new Set<string>();
  for (const f of files) {
    let text: string;
    try {
      text = readFileSync(join(dir, f), 'utf8');
    } catch {
      continue;
    }
    for (const row of parse(text, { columns: true }) as { Code: string }[]) codes.add(row.Code);
  }
  if (!codes.size) throw new Error(`no codelist named ${name}`);
  return codes;
}

// biome-ignore lint/suspicious/noExplicitAny: packages are read as the JSON they are
type Json = Record<string, any>;

/** Every status, tag, role and document type in a package that is not in its codelist, as "field: value". */
export function offCodelist(pkg: Json): string[] {
  const lists = {
    tender: codelist('tenderStatus'),
    award: codelist('awardStatus'),
    contract: codelist('contractStatus'),
    bid: codelist('bidStatus'),
    tag: codelist('releaseTag'),
    role: codelist('partyRole'),
    doc: codelist('documentType'),
  };
  const releases: Json[] = pkg.releases ?? pkg.records.flatMap((r: Json) => [...r.releases, r.compiledRelease]);
  const wrong: string[] = [];
  const check = (list: Set<string>, field: string, v: unknown) => {
    if (v !== undefined && !list.has(v as string)) wrong.push(`${field}: ${String(v)}`);
  };
  for (const r of releases) {
    for (const t of r.tag) check(lists.tag, 'tag', t);
    check(lists.tender, 'tender.status', r.tender?.status);
    for (const l of r.tender?.lots ?? []) check(lists.tender, 'tender.lots.status', l.status);
    for (const a of r.awards ?? []) check(lists.award, 'awards.status', a.status);
    for (const c of r.contracts ?? []) check(lists.contract, 'contracts.status', c.status);
    for (const b of r.bids?.details ?? []) check(lists.bid, 'bids.details.status', b.status);
    for (const p of r.parties ?? []) for (const role of p.roles) check(lists.role, 'parties.roles', role);
    const docs = [
      r.tender?.documents,
      ...(r.awards ?? []).map((a: Json) => a.documents),
      ...(r.contracts ?? []).map((c: Json) => c.documents),
    ];
    for (const d of docs.flat().filter(Boolean)) check(lists.doc, 'documentType', d.documentType);
  }
  return wrong;
}
