import type { infrastructureFunctions } from '../reporting/templates';

/**
 * What a consortium publishes, and under which licence. Nothing is public until the lead
 * publishes (after the self-check passes); `show` chooses which parts are.
 */
export const licences = ['cc-by-4.0', 'cc0-1.0', 'ogl-uk-3.0'] as const;
export type Licence = (typeof licences)[number];

/** Each licence's name as people say it, and its canonical URL (what 360Giving and OCDS packages carry). */
export const licenceDetails: Record<Licence, { name: string; url: string }> = {
  'cc-by-4.0': { name: 'Creative Commons Attribution 4.0 International', url: 'https://creativecommons.org/licenses/by/4.0/' },
  'cc0-1.0': { name: 'Creative Commons Zero 1.0 (public domain)', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
  'ogl-uk-3.0': {
    name: 'Open Government Licence v3.0',
    url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
  },
};

export type InfrastructureFunction = (typeof infrastructureFunctions)[number];

export interface PublishingSettings {
  consortiumId: string;
  /** False until the lead publishes; the public page and feeds answer 404 until then. */
  published: boolean;
  licence: Licence;
  /** The consortium's area: a GSS code from `shared/platform/places`. */
  placeCode?: string | undefined;
  show: { grants: boolean; tenders: boolean; successRates: boolean; decisions: boolean };
  /** What the consortium funds, in the lead's words. */
  purpose?: string | undefined;
  /** When the lead first published: 360Giving's `issued`, which later changes never move. */
  firstPublishedAt?: string | undefined;
  updatedAt?: string | undefined;
  updatedBy?: string | undefined;
  version: number;
}

/** Per grant: where it benefits and which functions of local infrastructure it pays for. */
export interface GrantPublishing {
  grantId: string;
  /** GSS codes from `shared/platform/places`. */
  areaCodes: string[];
  functions: InfrastructureFunction[];
}

/** A consortium that has not chosen yet: nothing public, CC BY 4.0 (what most 360Giving publishers use), every part shown once published. */
export const defaultSettings = (consortiumId: string): PublishingSettings => ({
  consortiumId,
  published: false,
  licence: 'cc-by-4.0',
  show: { grants: true, tenders: true, successRates: true, decisions: true },
  version: 0,
});

/** Which parts of a consortium can be made public, in the order pages list them. */
export const showParts = ['grants', 'tenders', 'successRates', 'decisions'] as const;
export type ShowPart = (typeof showParts)[number];

/** The most characters the lead's purpose may have (a paragraph or two on the public page). */
export const PURPOSE_MAX = 1000;

/** The most areas one grant names (a grant across more is better described by its county or ICB). */
export const MAX_GRANT_AREAS = 5;

/** A grant's publishing details as stored: who set them last, and the version they were saved under. */
export interface GrantPublishingRecord extends GrantPublishing {
  consortiumId: string;
  updatedAt: string;
  updatedBy: string;
  version: number;
}
