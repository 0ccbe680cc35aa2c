import { buildContract, type Contract, type ContractInput, type Milestone } from '../../shared/contracts/contract';

/** A year's contract for organisational support: two payments, two milestones linked to them, one KPI. */
export const contractInput = (over: Partial<ContractInput> = {}): ContractInput => ({
  title: 'Infrastructure support: organisational development',
  description: 'Help for small groups with governance, funding and safeguarding.',
  supplier: { name: 'Wyvern Voluntary Action', email: 'Contracts@Wyvern-VA.example.org', identifier: 'GB-CHC-1077001' },
  value: 12_000_000,
  period: { startDate: '2026-04-01', endDate: '2027-03-31' },
  funding: { kind: 'council' },
  payments: [
    { dueDate: '2026-04-01', amount: 6_000_000 },
    { dueDate: '2026-10-01', amount: 6_000_000 },
  ],
  milestones: [
    {
      title: 'Mobilisation plan',
      type: 'delivery',
      dueDate: '2026-04-30',
      deliverable: 'A plan',
      evidenceRequested: 'The plan',
      payment: 0,
    },
    {
      title: 'Half-year report',
      type: 'reporting',
      dueDate: '2026-09-30',
      deliverable: 'A report',
      evidenceRequested: 'The report',
      payment: 1,
    },
  ],
  kpis: [{ name: 'Groups supported', target: '120 a year' }],
  ...over,
});

/** A contract built from `input` as the council's officer registered it on 20 March 2026, active from the start. */
export const registeredContract = (input: ContractInput): Contract =>
  buildContract(input, {
    id: '01JCONTRACT0000000000000000',
    councilOrgId: 'org-wyv',
    by: 'user-ruth',
    now: new Date('2026-03-20T10:00:00Z'),
    source: { kind: 'direct' },
    status: 'active',
  });

/**
 * A contract as the store holds it, written out whole: active for a year from 1 April 2026, one
 * KPI, no payments; each of `milestones` (M1, M2, …) scheduled for 5 July 2026 unless it says otherwise.
 */
export function storedContract(milestones: Partial<Milestone>[] = [], over: Partial<Contract> = {}): Contract {
  return {
    id: 'K1',
    councilOrgId: 'council',
    title: 'Infrastructure support',
    description: '',
    supplier: { name: 'Wyvern Voluntary Action', email: 'hello@wva.example.org' },
    value: 9_000_000,
    currency: 'GBP',
    period: { startDate: '2026-04-01', endDate: '2027-03-31' },
    funding: { kind: 'council' },
    source: { kind: 'direct' },
    status: 'active',
    payments: [],
    milestones: milestones.map((m, i) => ({
      id: `M${i + 1}`,
      title: `Milestone ${i + 1}`,
      type: 'delivery',
      dueDate: '2026-07-05',
      deliverable: '',
      evidenceRequested: '',
      status: 'scheduled',
      sequence: 0,
      ...m,
    })),
    kpis: [{ id: 'K1', name: 'Groups supported', target: '120 a year', ratings: [] }],
    amendments: [],
    createdAt: '2026-04-01T09:00:00.000Z',
    createdBy: 'u',
    version: 1,
    ...over,
  };
}
