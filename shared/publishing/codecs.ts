import * as z from 'zod/mini';
import { recordsOf } from '../platform/codec';
import { lazy } from '../platform/lazy';
import { infrastructureFunctions } from '../reporting/templates';
import type { DocumentPart, RebuildClaim } from './documents';
import { keys } from './keys';
import { type GrantPublishingRecord, licences, type PublishingSettings } from './settings';

/** The publishing feature's records: the only place their stored shapes are spelled (docs/ARCHITECTURE.md, "Record kinds"). */
const record = /* @__PURE__ */ recordsOf('publishing');

/**
 * The settings' fields, stated once: the stored codec holds them in a plain object (an old item
 * with an extra field still reads), the API's view in a strict one (functions/publishing/views.ts).
 */
export const settingsShape = lazy(() => ({
  consortiumId: z.string(),
  published: z.boolean(),
  licence: z.enum(licences),
  placeCode: z.optional(z.string()),
  show: z.strictObject({ grants: z.boolean(), tenders: z.boolean(), successRates: z.boolean(), decisions: z.boolean() }),
  purpose: z.optional(z.string()),
  firstPublishedAt: z.optional(z.string()),
  updatedBy: z.optional(z.string()),
  version: z.int(),
}));

/** What a consortium publishes, and under which licence: one record, replaced under its version. */
export const settingsRecord = /* @__PURE__ */ record<PublishingSettings>()('publishing-settings', ['CONS#', 'PUBLISH#SETTINGS'], {
  schema: () => z.object({ ...settingsShape(), show: z.object(settingsShape().show.def.shape), updatedAt: z.optional(z.string()) }),
  keys: (s) => keys.settings(s.consortiumId),
});

/** One grant's areas and functions of local infrastructure, in its consortium's partition. */
export const grantPublishingRecord = /* @__PURE__ */ record<GrantPublishingRecord>()('grant-publishing', ['CONS#', 'PUBLISH#GRANT#'], {
  schema: () =>
    z.object({
      consortiumId: z.string(),
      grantId: z.string(),
      areaCodes: z.array(z.string()),
      functions: z.array(z.enum(infrastructureFunctions)),
      updatedAt: z.string(),
      updatedBy: z.string(),
      version: z.number(),
    }),
  keys: (g) => keys.grant(g.consortiumId, g.grantId),
});

/** One part of a public document: gzip as base64, cut to stay under DynamoDB's 400 KB item limit. */
export const documentPartRecord = /* @__PURE__ */ record<DocumentPart>()('open-document', ['OPEN#', 'DOC#'], {
  schema: () =>
    z.object({
      consortiumId: z.string(),
      name: z.string(),
      part: z.number(),
      parts: z.number(),
      contentType: z.string(),
      contentHash: z.string(),
      etag: z.string(),
      lastModified: z.string(),
      body: z.string(),
    }),
  keys: (d) => keys.document(d.consortiumId, d.name, d.part),
});

export const rebuildRecord = /* @__PURE__ */ record<RebuildClaim>()('open-rebuild', ['OPEN#', 'REBUILD'], {
  schema: () => z.object({ consortiumId: z.string(), claim: z.number() }),
  keys: (r) => keys.rebuild(r.consortiumId),
});

/** Every record kind publishing owns (the ownership test reads their prefixes). */
export const records = [settingsRecord, grantPublishingRecord, documentPartRecord, rebuildRecord];
