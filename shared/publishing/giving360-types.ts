import type { Consortium } from '../consortia/consortium';
import type { Organisation } from '../consortia/organisation';
import type { Grant, GrantChange } from '../grants/grant';
import type { FundingShare } from '../pools/grant';
import type { Pledge } from '../pools/pledge';
import type { Pool } from '../pools/pool';
import type { Round } from '../pools/round';
import type { StoredEntry } from '../pools/store';
import type { GrantPublishing, PublishingSettings } from './settings';

/**
 * An organisation's registered 360Giving publisher prefix (`360G-wyvernshire`). The consortia
 * feature adds `giving360Prefix` to Organisation; until that lands it is read through this type.
 */
export type WithPrefix = Organisation & { giving360Prefix?: string | undefined };

/** Everything a consortium's 360Giving package is built from, read by `load360Source`. */
export interface Giving360Source {
  consortium: Consortium;
  settings: PublishingSettings;
  pools: Pool[];
  /** Every round of the consortium's pools: a grant from a round is published under the round's name. */
  rounds: Round[];
  pledges: Pledge[];
  grants: { grant: Grant; shares: FundingShare[]; changes: GrantChange[] }[];
  /**
   * Each pool's ledger, by pool id: when money was received into a pledge's bucket or paid to
   * (or returned by) a grant, which moves that record's Last Modified (its amount disbursed changed).
   */
  ledgers: Map<string, StoredEntry[]>;
  orgs: Map<string, WithPrefix>;
  grantPublishing: Map<string, GrantPublishing>;
  /** Where the package is served: the JSON's own URL (`…/open/{consortiumId}/360giving.json`). */
  feedUrl: string;
}

export interface Giving360Org {
  id: string;
  name: string;
  charityNumber?: string;
  companyNumber?: string;
}

export interface Giving360Location {
  name: string;
  countryCode: 'GB';
  geoCode?: string;
  geoCodeType?: string;
}

export interface Giving360Classification {
  vocabulary: string;
  code: string;
  title: string;
}

/** One grant of a 360Giving 1.4 package, with the fields grantloop publishes. */
export interface Giving360Grant {
  id: string;
  title: string;
  description: string;
  currency: 'GBP';
  amountAwarded: number;
  amountDisbursed: number;
  awardDate: string;
  plannedDates: { startDate: string; endDate: string; duration?: number }[];
  recipientOrganization: Giving360Org[];
  fundingOrganization: Giving360Org[];
  beneficiaryLocation: Giving360Location[];
  grantProgramme: { code: string; title: string }[];
  classifications: Giving360Classification[];
  regrantType?: string;
  relatedActivity?: string[];
  dateModified: string;
  dataSource: string;
}

export interface Giving360Package {
  version: '1.4';
  identifier: string;
  title: string;
  description: string;
  issued: string;
  modified: string;
  publisher: { name: string };
  license: string;
  accessURL: string;
  downloadURL: string;
  grants: Giving360Grant[];
}
