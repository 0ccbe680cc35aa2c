import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * A public document as built: its name in the consortium's folder, its type, and its text given
 * the moment it is published. Each standard asks a document to say when it was built (360Giving's
 * `modified`, OCDS's `publishedDate`, the page's "last updated"), yet a rebuild that changes
 * nothing must leave the bytes alone (so ETags hold and clients get 304s): the rebuild renders
 * it with a fixed date to see whether the content changed, and with the time only when it did.
 */
export interface BuiltDocument {
  name: string;
  contentType: string;
  render: (builtAt: string) => string | Promise<string>;
}

/** What a document's content is, apart from the date it states: renders compared with one fixed date. */
export const contentHashOf = async (doc: Pick<BuiltDocument, 'render'>) => etagOf(await doc.render('2000-01-01T00:00:00.000Z'));

/** A public document as served: the text, and what conditional GETs compare. */
export interface StoredDocument {
  name: string;
  contentType: string;
  body: string;
  /** Of the content apart from its build date (`contentHashOf`): what a rebuild compares. */
  contentHash: string;
  etag: string;
  /** When its content last changed (ISO); HTTP's Last-Modified, to the second. */
  lastModified: string;
}

/** One stored part of a document (DynamoDB items stop at 400 KB). */
export interface DocumentPart {
  consortiumId: string;
  name: string;
  part: number;
  parts: number;
  contentType: string;
  contentHash: string;
  etag: string;
  lastModified: string;
  body: string;
}

/** The number of the latest rebuild begun for a consortium. */
export interface RebuildClaim {
  consortiumId: string;
  claim: number;
}

/** A strong validator from the bytes alone: the same document rebuilt answers the same ETag. */
export const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** Base64 characters per part: well under DynamoDB's 400 KB item limit with the other attributes. */
const PART_CHARS = 300_000;

/**
 * A document cut into parts for the table: gzip (JSON and CSV shrink tenfold) as base64, in
 * slices; `lastModified` and `etag` go on every part so any part names the version it belongs to.
 */
export function toParts(consortiumId: string, doc: StoredDocument): DocumentPart[] {
  const packed = gzipSync(Buffer.from(doc.body, 'utf8'), { level: 9 }).toString('base64');
  const slices: string[] = [];
  for (let at = 0; at < packed.length || slices.length === 0; at += PART_CHARS) slices.push(packed.slice(at, at + PART_CHARS));
  return slices.map((body, part) => ({
    consortiumId,
    name: doc.name,
    part,
    parts: slices.length,
    contentType: doc.contentType,
    contentHash: doc.contentHash,
    etag: doc.etag,
    lastModified: doc.lastModified,
    body,
  }));
}

/** The document its parts make, or undefined when they are not one whole version (a rebuild half-way, or none). */
export function fromParts(parts: DocumentPart[]): StoredDocument | undefined {
  const first = parts[0];
  if (!first || parts.length !== first.parts) return undefined;
  if (parts.some((p, i) => p.part !== i || p.etag !== first.etag)) return undefined;
  const body = gunzipSync(Buffer.from(parts.map((p) => p.body).join(''), 'base64')).toString('utf8');
  const { name, contentType, contentHash, etag, lastModified } = first;
  return { name, contentType, body, contentHash, etag, lastModified };
}
