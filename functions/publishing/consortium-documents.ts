import type { ConsortiaStore } from '../../shared/consortia/store';
import type { ContractStore } from '../../shared/contracts/store';
import { config } from '../../shared/platform/config';
import { readOnce } from '../../shared/platform/read-once';
import type { PoolStore, RoundStore } from '../../shared/pools/store';
import { documentName } from '../../shared/publishing/conditional-get';
import type { BuiltDocument } from '../../shared/publishing/documents';
import { build360Package, giving360Csv, load360Source } from '../../shared/publishing/giving360-feed';
import { buildOcdsFeed, loadOcdsSource } from '../../shared/publishing/ocds-feed';
import { buildPublicView, loadPublicSource } from '../../shared/publishing/public-view';
import { publishingSettings } from '../../shared/publishing/publishing';
import type { BuildDocuments } from '../../shared/publishing/rebuild-consortia';
import type { PublishingSettings } from '../../shared/publishing/settings';
import type { PublishingStore } from '../../shared/publishing/store';
import type { TenderStore } from '../../shared/tenders/store';
import { renderPublicPage } from './public-page';

/** What building a consortium's documents reads. */
export interface DocumentSources {
  consortia: ConsortiaStore;
  pools: PoolStore;
  rounds: RoundStore;
  tenders: TenderStore;
  contracts: ContractStore;
  publishing: PublishingStore;
}

/** Releases (and records) per page: Find a Tender's OCDS API pages by 100 too. */
const OCDS_PAGE_SIZE = 100;

const json = (name: string, value: (builtAt: string) => unknown): BuiltDocument => ({
  name,
  contentType: 'application/json; charset=utf-8',
  render: (builtAt) => `${JSON.stringify(value(builtAt), null, 2)}\n`,
});

async function grantDocuments(deps: DocumentSources, settings: PublishingSettings, base: string) {
  const { consortiumId } = settings;
  const details = new Map((await deps.publishing.listGrantPublishing(consortiumId)).map((g) => [g.grantId, g]));
  const pkg = build360Package(await load360Source(deps, consortiumId, settings, details, `${base}/360giving.json`));
  // The schema asks for at least one grant: until the first pledge or award there is no file, as there is nothing to say.
  if (pkg.grants.length === 0) return [];
  return [
    // 360Giving's `modified`: when the file's content last changed (the rebuild stamps it only then).
    json('360giving.json', (modified) => ({ ...pkg, modified })),
    { name: '360giving.csv', contentType: 'text/csv; charset=utf-8', render: () => giving360Csv(pkg) },
  ];
}

async function tenderDocuments(deps: DocumentSources, settings: PublishingSettings, base: string, now: Date) {
  const source = await loadOcdsSource(deps, settings.consortiumId, now);
  const feed = buildOcdsFeed(source, { prefix: config.ocidPrefix(), baseUrl: base, pageSize: OCDS_PAGE_SIZE, licence: settings.licence });
  // Each page is dated by its newest release (OCDS: the last change to its contents), so a page nothing reached stays as it was.
  return [
    ...feed.releasePages.map((p, i) => json(`ocds-releases-${i + 1}`, () => p)),
    ...feed.recordPages.map((p, i) => json(`ocds-records-${i + 1}`, () => p)),
  ];
}

/**
 * Everything a consortium publishes, from its records as they are now: nothing until the lead
 * publishes; then its page, and the feeds the lead chose to show.
 */
export const consortiumDocuments =
  (tables: DocumentSources): BuildDocuments =>
  async (consortiumId, now) => {
    // The page and each feed load the same pools, grants, rounds and tenders: each is read once per build.
    const deps: DocumentSources = {
      consortia: readOnce(tables.consortia),
      pools: readOnce(tables.pools),
      rounds: readOnce(tables.rounds),
      tenders: readOnce(tables.tenders),
      contracts: readOnce(tables.contracts),
      publishing: readOnce(tables.publishing),
    };
    const settings = await publishingSettings(deps, consortiumId);
    const source = settings.published ? await loadPublicSource(deps, consortiumId, settings, now) : undefined;
    if (!source) return [];
    const base = `${config.appUrl()}/open/${consortiumId}`;
    const feeds = [
      ...(settings.show.grants ? await grantDocuments(deps, settings, base) : []),
      ...(settings.show.tenders ? await tenderDocuments(deps, settings, base, now) : []),
    ];
    // The page links only to files that exist: no 360Giving file before the first grant, no OCDS before the first tender.
    const built = new Set(feeds.map((d) => d.name));
    const view = buildPublicView(source, now);
    const ready = view.feeds.filter((f) => built.has(documentName(f.href.split('/').slice(3).join('/'), 1) ?? ''));
    const linked = { ...view, feeds: ready, ...(ready.length < view.feeds.length ? { feedsAwaitingData: true } : {}) };
    const page: BuiltDocument = {
      name: 'page',
      contentType: 'text/html; charset=utf-8',
      render: async (builtAt) => String((await renderPublicPage({ ...linked, builtAt })).body),
    };
    return [page, ...feeds];
  };
