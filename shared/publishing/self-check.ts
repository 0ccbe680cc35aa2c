import { type QualityFinding, qualityCheck } from '../pools/giving360-quality';
import { build360Package, type Giving360Deps, load360Source, missingPrefixes } from './giving360-feed';
import type { PublishingSettings } from './settings';
import type { PublishingStore } from './store';

export interface SelfCheck {
  /** Grants (and contributions) the 360Giving file would hold. */
  records: number;
  /** What must be put right before the consortium publishes grants, in words. */
  blocking: string[];
  /** 360Giving's own offline quality rules: errors block, warnings are advice. */
  findings: QualityFinding[];
}

/**
 * The check the lead sees before publishing (issue 28): the 360Giving file built exactly as it
 * would be published, run through 360Giving's offline quality rules (`qualityCheck`), and each
 * funder's registered prefix asked for, since a registry entry under grantloop's fallback
 * prefix would be refused. Only grants are checked: the OCDS feed is built from records the
 * tenders feature has already validated, and the page shows what the lead wrote.
 */
export async function selfCheck(
  deps: Giving360Deps & { publishing: Pick<PublishingStore, 'listGrantPublishing'>; clock: { now(): Date } },
  settings: PublishingSettings,
): Promise<SelfCheck> {
  if (!settings.show.grants) return { records: 0, blocking: [], findings: [] };
  const details = new Map((await deps.publishing.listGrantPublishing(settings.consortiumId)).map((g) => [g.grantId, g]));
  const source = await load360Source(deps, settings.consortiumId, settings, details, 'https://self-check.invalid/360giving.json');
  const pkg = build360Package(source);
  const findings = qualityCheck(pkg, { now: deps.clock.now() });
  const blocking = [
    ...missingPrefixes(source).map(
      (org) => `${org.name} has no 360Giving publisher prefix: an admin of ${org.name} adds it on the organisation’s page`,
    ),
    ...findings.filter((f) => f.severity === 'error').map((f) => `${f.message} (${f.grantIds.length} of the grants)`),
  ];
  return { records: pkg.grants.length, blocking, findings };
}

/** Why publishing cannot begin yet, in one sentence for the page's error, or undefined. */
export async function readyToPublish(deps: Parameters<typeof selfCheck>[0], next: PublishingSettings): Promise<string | undefined> {
  const { blocking } = await selfCheck(deps, next);
  if (!blocking.length) return undefined;
  return `Put ${blocking.length === 1 ? 'this' : `these ${blocking.length} things`} right before publishing: ${blocking.join('; ')}`;
}
