import type { Caller } from '../consortia/caller';
import { csvOf } from '../platform/csv';
import { poundsDecimal } from '../platform/money';
import { newestDate, type PackageMeta } from '../tenders/ocds-package';
import { isClosed } from './contract';
import { type ContractRecords, loadCouncil, policyOf, readableContract, requireCouncilReader } from './contracts';
import { contractPackage, contractRelease } from './ocds';
import { milestoneRag } from './rag';

/** Every milestone of a council's contracts, one row each, with its RAG as of now: what a council keeps in a spreadsheet today. */
export async function councilMilestones(deps: ContractRecords, caller: Caller, councilOrgId: string) {
  requireCouncilReader(caller, councilOrgId, 'council', councilOrgId);
  const council = await loadCouncil(deps, councilOrgId);
  const [contracts, policy] = await Promise.all([deps.contracts.listCouncilContracts(councilOrgId), policyOf(deps, councilOrgId)]);
  const now = deps.clock.now();
  const rows = contracts.flatMap((c) =>
    c.milestones.map((m) => {
      const rag = isClosed(c) ? undefined : milestoneRag(m, now, policy);
      const payment = m.paymentId ? c.payments.find((p) => p.id === m.paymentId) : undefined;
      return {
        contractId: c.id,
        contract: c.title,
        contractStatus: c.status,
        supplier: c.supplier.name,
        supplierIdentifier: c.supplier.identifier ?? '',
        milestoneId: m.id,
        milestone: m.title,
        type: m.type,
        dueDate: m.dueDate,
        status: m.status,
        dateMet: m.dateMet ?? '',
        rag: rag?.rag ?? '',
        why: rag?.why ?? `contract ${c.status}`,
        evidenceAt: m.evidence?.submittedAt ?? '',
        decidedAt: m.decision?.at ?? '',
        decisionReason: m.decision?.reason ?? '',
        payment: payment ? poundsDecimal(payment.amount) : '',
      };
    }),
  );
  rows.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.contract.localeCompare(b.contract)));
  return { council: { id: council.id, name: council.name }, asOf: now.toISOString(), rows };
}

export const milestonesCsv = (view: Awaited<ReturnType<typeof councilMilestones>>) =>
  csvOf(
    view.rows,
    [
      'contractId',
      'contract',
      'contractStatus',
      'supplier',
      'supplierIdentifier',
      'milestoneId',
      'milestone',
      'type',
      'dueDate',
      'status',
      'dateMet',
      'rag',
      'why',
      'evidenceAt',
      'decidedAt',
      'decisionReason',
      'payment',
    ],
    { why: 'rag_reason', evidenceAt: 'evidence_received_at', payment: 'linked_payment_gbp' },
  );

/** The contract's implementation as an OCDS release package (milestones, KPI ratings, amendments). */
export async function contractOcds(deps: ContractRecords, caller: Caller, contractId: string, req: { prefix: string; uri: string }) {
  const contract = await readableContract(deps, caller, contractId);
  const council = await loadCouncil(deps, contract.councilOrgId);
  const release = contractRelease(contract, {
    prefix: req.prefix,
    council: { identifier: council.identifier, name: council.name },
    supplier: { identifier: contract.supplier.identifier ?? `XI-GRANTLOOP-${contract.id}-S`, name: contract.supplier.name },
  });
  const meta: PackageMeta = { uri: req.uri, publishedDate: newestDate([release]), publisher: council.name };
  return contractPackage(release, meta);
}
