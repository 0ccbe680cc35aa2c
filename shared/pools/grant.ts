import type { Restriction } from './restriction';

/** Codes from the 360Giving regrantType codelist (a test checks them against the official CSV). */
export const regrantTypes = ['FRG010', 'FRG020', 'FRG030', 'FRG040', 'FRG050', 'FRG060', 'FRG070'] as const;
export type RegrantType = (typeof regrantTypes)[number];

/** What a funder proposes to fund: the same shape for a round's proposal and a direct award. */
export interface AllocationRequest {
  recipientOrgId: string;
  title: string;
  description?: string | undefined;
  amount: number;
  lotId?: string | undefined;
  purpose?: string | undefined;
  durationMonths: number;
  plannedStart?: string | undefined;
  /** Organisations that benefit without receiving the money (e.g. statutory partners). */
  beneficiaryOrgIds?: string[] | undefined;
  regrantType?: RegrantType | undefined;
}

export interface Grant extends AllocationRequest {
  id: string;
  poolId: string;
  consortiumId: string;
  currency: 'GBP';
  fundingType: 'core' | 'restricted';
  plannedStart: string;
  plannedEnd: string;
  awardedAt: string;
  awardedBy: string;
  status: 'awarded';
  roundId?: string;
  beneficiaryOrgIds: string[];
}

export interface FundingShare {
  bucket: string;
  funderOrgId: string;
  restriction: Restriction;
  amount: number;
  paid: number;
  returned: number;
}

/** The grant's planned end: the start plus whole months, less a day (a 12-month grant from 1 April ends 31 March). */
export function plannedEnd(start: string, months: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  const end = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate()) - 86400_000);
  return end.toISOString().slice(0, 10);
}
