import type { Json } from './ocds-parts';
import type { Release } from './ocds-releases';

/** The extensions our releases use, as their `extension.json` URLs at the versions the schemas in ../shared/schemas are from. */
const OCDS_EXTENSIONS = [
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json',
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json',
  'https://raw.githubusercontent.com/cabinetoffice/ocds_uk_extension/aa0e43b84dfad0cb9b839a8135e0bc4b285d32fc/extension.json',
];

/** The extension that adds `links.next` and `links.prev` to packages, for feeds served page by page. */
const PAGINATION_EXTENSION =
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_pagination_extension/master/extension.json';

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasIds = (a: unknown[]) => a.length > 0 && a.every((x) => isObject(x) && typeof x.id === 'string');

/**
 * OCDS's merge: objects field by field, arrays of objects with ids item by item (identity
 * merge), anything else replaced by the newer value; null removes a field.
 */
function merge(older: unknown, newer: unknown): unknown {
  if (Array.isArray(newer)) {
    if (!hasIds(newer) || !Array.isArray(older) || !hasIds(older)) return structuredClone(newer);
    const out = older.map((x) => structuredClone(x) as Json);
    for (const item of newer as Json[]) {
      const at = out.findIndex((x) => x.id === item.id);
      if (at >= 0) out[at] = merge(out[at], item) as Json;
      else out.push(structuredClone(item));
    }
    return out;
  }
  if (!isObject(newer)) return structuredClone(newer);
  const out: Json = isObject(older) ? { ...older } : {};
  for (const [k, v] of Object.entries(newer)) {
    if (v === null) delete out[k];
    else out[k] = merge(out[k], v);
  }
  return out;
}

/** The compiled release: the tender's current state, every release merged in date order. */
export function compileReleases(releases: Release[]): Release {
  const merged = releases.reduce<unknown>((acc, r) => merge(acc, r), {}) as Release;
  const last = releases.at(-1) as Release;
  return { ...merged, id: `${last.ocid}-compiled-${last.date}`, date: last.date, tag: ['compiled'] };
}

export interface PackageMeta {
  uri: string;
  /** The newest release's date (`newestDate`), not the request's: an unchanged package downloads byte for byte the same. */
  publishedDate: string;
  publisher: string;
  /** The canonical URL of the data's licence (OCDS package `license`). */
  license?: string;
  /** A page of a longer list: the pages either side (see shared/publishing/ocds-feed.ts). */
  links?: { next?: string; prev?: string };
}

/** The date of the newest release; a package holds at least one. */
export function newestDate(releases: Pick<Release, 'date'>[]): string {
  if (!releases.length) throw new Error('a package holds at least one release');
  return releases.map((r) => r.date).reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}

// Licence and links only when given: packages built without them stay byte for byte as they were.
const envelope = (m: PackageMeta) => ({
  uri: m.uri,
  version: '1.1',
  publishedDate: m.publishedDate,
  publisher: { name: m.publisher },
  ...(m.license ? { license: m.license } : {}),
  // A paged feed declares the extension that defines `links` (core 1.1.5's packages do not).
  extensions: m.links ? [...OCDS_EXTENSIONS, PAGINATION_EXTENSION] : OCDS_EXTENSIONS,
  ...(m.links ? { links: m.links } : {}),
});

export const releasePackage = (releases: Release[], m: PackageMeta) => ({ ...envelope(m), releases });

/** One contracting process: every release of one ocid, oldest first (as the record schema requires), and the compiled release. */
export interface OcdsRecord {
  ocid: string;
  releases: Release[];
  compiledRelease: Release;
}

export function recordOf(releases: Release[]): OcdsRecord {
  const first = releases[0];
  if (!first) throw new Error('a record holds at least one release');
  if (releases.some((r) => r.ocid !== first.ocid))
    throw new Error(`a record is one contracting process: not all releases are of ${first.ocid}`);
  return { ocid: first.ocid, releases, compiledRelease: compileReleases(releases) };
}

export const recordsPackage = (records: OcdsRecord[], m: PackageMeta) => ({ ...envelope(m), records });

/** The record package of one contracting process. */
export const recordPackage = (releases: Release[], m: PackageMeta) => recordsPackage([recordOf(releases)], m);
