import type { Caller } from '../consortia/caller';
import { londonDate } from '../platform/london-time';
import { type Contract, type ContractStatus, isClosed } from './contract';
import { type ContractRecords, loadCouncil, policyOf, readableContract, requireCouncilReader } from './contracts';
import { paymentStatus } from './payments';
import { contractRag, isOverdue, milestoneRag } from './rag';

/** A contract as council staff see it: each milestone with its RAG and why, the contract's own, and the policy behind them. */
export async function contractView(deps: ContractRecords, caller: Caller, contractId: string) {
  const contract = await readableContract(deps, caller, contractId);
  const policy = await policyOf(deps, contract.councilOrgId);
  const now = deps.clock.now();
  return {
    ...contract,
    policy,
    rag: contractRag(contract, now, policy),
    milestones: contract.milestones.map((m) => ({
      ...m,
      ...(isClosed(contract) ? {} : { rag: milestoneRag(m, now, policy) }),
      overdue: !isClosed(contract) && isOverdue(m, now),
    })),
    // Each payment against its 30-day term (s.68(2); s.88 below threshold), as of today in England.
    payments: contract.payments.map((p) => ({ ...p, status: paymentStatus(p, londonDate(now)) })),
  };
}

interface ContractFilter {
  status?: ContractStatus | undefined;
  /** Part of the supplier's name, any case. */
  supplier?: string | undefined;
}

/** A council's contracts with their RAG, filtered by status and supplier; the worst first, then by title. */
export async function councilContracts(deps: ContractRecords, caller: Caller, councilOrgId: string, filter: ContractFilter = {}) {
  requireCouncilReader(caller, councilOrgId, 'council', councilOrgId);
  const council = await loadCouncil(deps, councilOrgId);
  const [all, policy] = await Promise.all([deps.contracts.listCouncilContracts(councilOrgId), policyOf(deps, councilOrgId)]);
  const now = deps.clock.now();
  const supplier = filter.supplier?.trim().toLowerCase();
  const shown = all.filter(
    (c) => (!filter.status || c.status === filter.status) && (!supplier || c.supplier.name.toLowerCase().includes(supplier)),
  );
  const weight = { red: 0, amber: 1, green: 2 } as const;
  const rows = shown
    .map((c) => ({ ...row(c, now), rag: contractRag(c, now, policy) }))
    .sort((a, b) => (a.rag ? weight[a.rag.rag] : 3) - (b.rag ? weight[b.rag.rag] : 3) || a.title.localeCompare(b.title));
  return {
    council: { id: council.id, name: council.name },
    policy,
    filter,
    rows,
    suppliers: [...new Set(all.map((c) => c.supplier.name))].sort(),
  };
}

function row(c: Contract, now: Date) {
  const next = c.milestones.filter((m) => m.status === 'scheduled').sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1))[0];
  return {
    id: c.id,
    title: c.title,
    supplier: c.supplier.name,
    status: c.status,
    value: c.value,
    period: c.period,
    overdue: isClosed(c) ? 0 : c.milestones.filter((m) => isOverdue(m, now)).length,
    nextMilestone: next ? { id: next.id, title: next.title, dueDate: next.dueDate } : undefined,
  };
}
