import { addDays, addMonths } from '../platform/london-time';
import type { Restriction } from './restriction';

/** Codes from the 360Giving regrantType codelist (a test checks them against the official CSV). */
export const regrantTypes = ['FRG010', 'FRG020', 'FRG030', 'FRG040', 'FRG050', 'FRG060', 'FRG070'] as const;
type RegrantType = (typeof regrantTypes)[number];

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

export interface FundingShare {
  bucket: string;
  funderOrgId: string;
  restriction: Restriction;
  amount: number;
  paid: number;
  returned: number;
}

/**
 * The grant's planned end: the start plus whole months, less a day (a 12-month grant from
 * 1 April ends 31 March). A start late in a month is held to the end of a shorter month rather
 * than rolling into the next (31 January plus a month is 28 February, so it ends on the 27th).
 */
export function plannedEnd(start: string, months: number): string {
  return addDays(addMonths(start, months), -1);
}
