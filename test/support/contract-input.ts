import type { ContractInput } from '../../shared/contracts/contract';

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
