import { parseOrgIdentifier } from '../consortia/org-identifier';
import { DomainError, type FieldIssue } from '../platform/errors';
import { dayInWords, pounds } from '../platform/format';
import type { Regime } from '../tenders/regime';

/**
 * A council's contract (or grant agreement) with a supplier: what it buys, what it is worth, and
 * the milestones, payments and KPIs it is managed by. Statuses are OCDS's contractStatus codes;
 * milestone types and statuses are OCDS's milestoneType and milestoneStatus codes.
 */
export const contractStatuses = ['pending', 'active', 'cancelled', 'terminated'] as const;
export type ContractStatus = (typeof contractStatuses)[number];

/** OCDS milestoneType codes that make sense once a contract exists (not preProcurement). */
export const milestoneTypes = ['delivery', 'reporting', 'payment', 'engagement', 'assessment', 'approval', 'financing'] as const;
type MilestoneType = (typeof milestoneTypes)[number];

export const milestoneStatuses = ['scheduled', 'met', 'partiallyMet', 'notMet'] as const;
type MilestoneStatus = (typeof milestoneStatuses)[number];
export type Decision = Exclude<MilestoneStatus, 'scheduled'>;

export interface Evidence {
  text: string;
  url?: string;
  submittedAt: string;
  via: 'link' | 'staff';
}

export interface Milestone {
  /** M1, M2…: stable for the contract's life (calendar UIDs and alert schedules are built on it). */
  id: string;
  title: string;
  type: MilestoneType;
  /** YYYY-MM-DD: due by the end of that day in England. */
  dueDate: string;
  deliverable: string;
  evidenceRequested: string;
  paymentId?: string;
  status: MilestoneStatus;
  evidence?: Evidence;
  decision?: { status: Decision; reason: string; by: string; at: string };
  dateMet?: string;
  /** iCalendar SEQUENCE: one more each time the date or the status changes. */
  sequence: number;
}

export interface Payment {
  id: string;
  /** When the schedule plans the payment (the supplier invoices for it then); not the statutory due date. */
  dueDate: string;
  /** pence */
  amount: number;
  /** The supplier's invoice for it, once received (payments.ts). */
  invoice?: PaymentInvoice;
  /** When it was paid: the day the money reached the supplier. */
  paid?: { paidOn: string; by: string; at: string };
}

interface PaymentInvoice {
  receivedOn: string;
  /** The day payment falls due under the invoice itself, when the invoice gave one. */
  fallsDueOn?: string;
  /** The last day on which paying it is on time (s.68(2), or s.88 below threshold). */
  payBy: string;
  by: string;
  at: string;
}

/** The Procurement Act's scale for KPIs in contract performance notices (UK9). */
export const kpiRatings = ['good', 'approaching-target', 'requires-improvement', 'inadequate', 'other'] as const;
export type KpiRating = (typeof kpiRatings)[number];

export interface Kpi {
  id: string;
  name: string;
  target: string;
  ratings: { period: { startDate: string; endDate: string }; rating: KpiRating; reason?: string; by: string; at: string }[];
}

/** A UK10-style change: what changed (field by field), why, when and by whom. */
export interface Amendment {
  id: string;
  at: string;
  by: string;
  why: string;
  changes: { field: string; from: string; to: string }[];
  /** A contract change notice (UK10) published with the change, where the Act requires one (notices.ts). */
  notice?: { type: 'UK10'; publishedAt: string };
}

type Funding = { kind: 'council' } | { kind: 'pool'; poolId: string; grantId: string };
type Source = { kind: 'direct' } | { kind: 'tender'; tenderId: string; lotId: string };

interface Supplier {
  name: string;
  email: string;
  identifier?: string;
}

export interface Contract {
  id: string;
  councilOrgId: string;
  title: string;
  description: string;
  supplier: Supplier;
  /** pence */
  value: number;
  currency: 'GBP';
  period: { startDate: string; endDate: string };
  funding: Funding;
  source: Source;
  /**
   * Which part of the Procurement Act it was awarded under (regime.ts): above threshold and light
   * touch are public contracts (s.69, s.70 apply), below threshold is not. Contracts stored before
   * it was recorded have none: unknown, and left out of the payment notices.
   */
  regime?: Regime;
  status: ContractStatus;
  statusReason?: string;
  /** When the status last changed; none until it first does (its OCDS release is dated by its changes). */
  statusChangedAt?: string;
  payments: Payment[];
  milestones: Milestone[];
  kpis: Kpi[];
  amendments: Amendment[];
  createdAt: string;
  createdBy: string;
  version: number;
}

export interface MilestoneInput {
  title: string;
  type: MilestoneType;
  dueDate: string;
  deliverable: string;
  evidenceRequested: string;
  /** Index of the payment (0-based, in `payments`) this milestone releases. */
  payment?: number | undefined;
}

export interface ContractInput {
  title: string;
  description: string;
  supplier: { name: string; email: string; identifier?: string | undefined };
  value: number;
  period: { startDate: string; endDate: string };
  funding: Funding;
  payments: { dueDate: string; amount: number }[];
  milestones: MilestoneInput[];
  kpis: { name: string; target: string }[];
  /** Stated, or left for the use case to derive (contracts.ts) or take from the tender (from-tender.ts). */
  regime?: Regime | undefined;
}

const within = (date: string, p: { startDate: string; endDate: string }) => date >= p.startDate && date <= p.endDate;

/** Said to people and API clients alike: the date and the period in words. */
export const outside = (date: string, p: { startDate: string; endDate: string }) =>
  `${dayInWords(date)} is outside the contract period, ${dayInWords(p.startDate)} to ${dayInWords(p.endDate)}`;

/** Every rule the shape alone cannot check, all reported at once. */
function checkContractInput(input: ContractInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const fail = (field: string, rule: string, message: string) => issues.push({ field, rule, message });
  if (!input.title.trim()) fail('title', 'required', 'give the contract a title');
  if (!input.supplier.name.trim()) fail('supplier.name', 'required', "give the supplier's name");
  if (input.supplier.identifier) {
    try {
      parseOrgIdentifier(input.supplier.identifier, 'supplier.identifier');
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (input.period.startDate > input.period.endDate) fail('period.endDate', 'date-order', 'the contract must end on or after it starts');
  const paid = input.payments.reduce((a, p) => a + p.amount, 0);
  if (input.payments.length && paid !== input.value)
    fail(
      'payments',
      'sum-to-value',
      `the payments add up to ${pounds(paid)}; they must add up to the contract's value, ${pounds(input.value)}`,
    );
  input.payments.forEach((p, i) => {
    if (!within(p.dueDate, input.period)) fail(`payments.${i}.dueDate`, 'within-period', outside(p.dueDate, input.period));
  });
  input.milestones.forEach((m, i) => {
    if (!m.title.trim()) fail(`milestones.${i}.title`, 'required', 'give the milestone a title');
    if (!within(m.dueDate, input.period)) fail(`milestones.${i}.dueDate`, 'within-period', outside(m.dueDate, input.period));
    if (m.payment !== undefined && !input.payments[m.payment])
      fail(`milestones.${i}.payment`, 'known-payment', `there is no payment ${m.payment + 1} in the schedule`);
  });
  const names = new Set<string>();
  input.kpis.forEach((k, i) => {
    if (names.has(k.name.trim().toLowerCase())) fail(`kpis.${i}.name`, 'unique', `KPI "${k.name}" is listed twice`);
    names.add(k.name.trim().toLowerCase());
  });
  return issues;
}

const milestoneId = (index: number) => `M${index + 1}`;
const paymentId = (index: number) => `P${index + 1}`;
export const kpiId = (index: number) => `K${index + 1}`;

export function newMilestone(m: MilestoneInput, index: number): Milestone {
  return {
    id: milestoneId(index),
    title: m.title.trim(),
    type: m.type,
    dueDate: m.dueDate,
    deliverable: m.deliverable.trim(),
    evidenceRequested: m.evidenceRequested.trim(),
    ...(m.payment !== undefined ? { paymentId: paymentId(m.payment) } : {}),
    status: 'scheduled',
    sequence: 0,
  };
}

/** A new contract from checked input; throws the validation error naming every broken rule. */
export function buildContract(
  input: ContractInput,
  ids: { id: string; councilOrgId: string; by: string; now: Date; source: Source; status: ContractStatus },
): Contract {
  const issues = checkContractInput(input);
  if (issues.length) throw new DomainError('validation', issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);
  const identifier = input.supplier.identifier ? parseOrgIdentifier(input.supplier.identifier, 'supplier.identifier').value : undefined;
  return {
    id: ids.id,
    councilOrgId: ids.councilOrgId,
    title: input.title.trim(),
    description: input.description.trim(),
    supplier: { name: input.supplier.name.trim(), email: input.supplier.email.trim().toLowerCase(), ...(identifier ? { identifier } : {}) },
    value: input.value,
    currency: 'GBP',
    period: input.period,
    funding: input.funding,
    source: ids.source,
    ...(input.regime ? { regime: input.regime } : {}),
    status: ids.status,
    payments: input.payments.map((p, i) => ({ id: paymentId(i), dueDate: p.dueDate, amount: p.amount })),
    milestones: input.milestones.map(newMilestone),
    kpis: input.kpis.map((k, i) => ({ id: kpiId(i), name: k.name.trim(), target: k.target.trim(), ratings: [] })),
    amendments: [],
    createdAt: ids.now.toISOString(),
    createdBy: ids.by,
    version: 1,
  };
}

export const isClosed = (c: Pick<Contract, 'status'>) => c.status === 'cancelled' || c.status === 'terminated';
