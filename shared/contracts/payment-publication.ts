import type { Caller } from '../consortia/caller';
import { invalid } from '../platform/errors';
import { londonDate } from '../platform/london-time';
import { reportingPeriodOf } from '../tenders/statutory-periods';
import { type ContractRecords, loadCouncil, requireCouncilReader } from './contracts';
import { defaultPeriodDay, paymentsCompliance, reportingPeriodsUpTo, significantPayments } from './payment-notices';

/*
 * The use cases behind the payment notices (s.70, UK8), kept apart from the late-payments CSV
 * (payment-reports.ts) so that the function serving the notices bundles no CSV writer.
 */

/** A council's contracts as its staff may read them, with today's London date. */
export async function councilPayments(deps: ContractRecords, caller: Caller, councilOrgId: string) {
  requireCouncilReader(caller, councilOrgId, 'council', councilOrgId);
  const council = await loadCouncil(deps, councilOrgId);
  const contracts = await deps.contracts.listCouncilContracts(councilOrgId);
  const now = deps.clock.now();
  return { council, contracts, now, today: londonDate(now) };
}

/** What grantloop cannot know, said wherever its figures are shown. */
const notHeld = {
  section70: [
    'when each procurement began: s.70 covers contracts procured under the Act from 1 April 2026 (earlier procurements are not in scope), which grantloop does not record',
    'the exact fields the Procurement (Amendment) Regulations 2026 specify for this information: grantloop lists what it holds (contract, supplier, date, amount)',
    'whether an amount includes VAT: the £30,000 threshold includes VAT, and amounts are listed as recorded',
    'payments made outside the contract schedules recorded here',
  ],
  compliance: [
    "the council's postal address and the person to contact about the notice (contracting authority information, reg. 13)",
    'the statement approving the notice by the officer responsible for the council’s finances, with their name and job title (reg. 38(2)(e))',
    'invoices the council disputed or found invalid, to which the 30-day term does not apply (s.68)',
    'delays in money reaching a supplier that the council was not responsible for (reg. 38(4)(b))',
    'payments under public contracts that are not recorded here',
  ],
};

/**
 * The council's payment notices: the s.70 list by quarter, and what the UK8 notice for one
 * reporting period (the one holding `periodDay`; by default the latest ended) would contain.
 */
export async function paymentNotices(deps: ContractRecords, caller: Caller, councilOrgId: string, periodDay?: string | undefined) {
  const { council, contracts, now, today } = await councilPayments(deps, caller, councilOrgId);
  if (periodDay !== undefined && !reportingPeriodOf(periodDay))
    throw invalid('period', 'in-force', 'payments compliance notices began with the reporting period starting 1 January 2026');
  const compliance = paymentsCompliance(contracts, periodDay ?? defaultPeriodDay(today), today);
  return {
    council: { id: council.id, name: council.name, identifier: council.identifier, contactEmail: council.contactEmail },
    asOf: now.toISOString(),
    significantPayments: { ...significantPayments(contracts, today), notHeld: notHeld.section70 },
    paymentsCompliance: compliance ? { ...compliance, notHeld: notHeld.compliance } : undefined,
    periods: reportingPeriodsUpTo(today),
  };
}
