import { stringify } from 'csv-stringify/sync';
import type { Caller } from '../consortia/caller';
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
  stringify(
    view.rows.map((r) => ({ ...r })),
    {
      header: true,
      columns: [
        { key: 'contractId', header: 'contract_id' },
        { key: 'contract', header: 'contract' },
        { key: 'contractStatus', header: 'contract_status' },
        { key: 'supplier', header: 'supplier' },
        { key: 'supplierIdentifier', header: 'supplier_identifier' },
        { key: 'milestoneId', header: 'milestone_id' },
        { key: 'milestone', header: 'milestone' },
        { key: 'type', header: 'type' },
        { key: 'dueDate', header: 'due_date' },
        { key: 'status', header: 'status' },
        { key: 'dateMet', header: 'date_met' },
        { key: 'rag', header: 'rag' },
        { key: 'why', header: 'rag_reason' },
        { key: 'evidenceAt', header: 'evidence_received_at' },
        { key: 'decidedAt', header: 'decided_at' },
        { key: 'decisionReason', header: 'decision_reason' },
        { key: 'payment', header: 'linked_payment_gbp' },
      ],
    },
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
