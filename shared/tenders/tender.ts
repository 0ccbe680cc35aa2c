import { DomainError, type FieldIssue } from '../platform/errors';
import { pounds } from '../platform/format';
import type { TenderProcess } from './process';
import type { AuthorityType, RegimeFacts } from './regime';
import type { Criterion } from './scoring';
import { STANDSTILL_WORKING_DAYS } from './statutory-periods';

/**
 * A joint tender: the consortium's lead is the buyer, the other members co-fund it. Its budget
 * is the sum of its lots' values, reserved in a pool, and split between the funders as they
 * agree at sign-off.
 */
export const procedures = ['open', 'competitive-flexible'] as const;
type Procedure = (typeof procedures)[number];

export const tenderStatuses = [
  'draft',
  'sign-off',
  'published',
  'evaluation',
  'award-decision',
  'standstill',
  'awarded',
  'unsuccessful',
  'cancelled',
] as const;
export type TenderStatus = (typeof tenderStatuses)[number];

export interface TenderLot {
  id: string;
  title: string;
  /** pence */
  value: number;
  /** Councils split infrastructure support by place or by what it does (e.g. volunteering). */
  scope: { kind: 'geography' | 'function'; label: string };
}

interface KeyDates {
  clarificationDeadline: string;
  submissionDeadline: string;
  evaluationEnd: string;
  awardDecision: string;
}

interface FunderContribution {
  orgId: string;
  /** pence */
  amount: number;
}

export interface TenderInput {
  title: string;
  description: string;
  documents: { title: string; url: string }[];
  lots: TenderLot[];
  procedure: Procedure;
  /** Social and other specified services (s.9), such as infrastructure support: the light-touch threshold applies. */
  lightTouch: boolean;
  /** Central government authorities have a lower threshold than sub-central ones such as councils (Schedule 1). */
  authorityType: AuthorityType;
  /**
   * Whether the tender is advertised with a tender notice. Above threshold and light touch it
   * must be (s.21(1)); below threshold the buyer may instead invite providers it chooses.
   */
  advertised: boolean;
  /**
   * A light-touch contract has no mandatory standstill (s.51(3)(f)); the consortium may still
   * choose one, of at least eight working days (s.51(4)-(5)).
   */
  voluntaryStandstillDays?: number | undefined;
  criteria: Criterion[];
  dates: KeyDates;
  funders: FunderContribution[];
  /** Pool money the tender may use besides core money: a purpose its restricted buckets carry. */
  purpose?: string | undefined;
  /** Users who score bids (each a member of one of the consortium's organisations). */
  panel: string[];
  /** How long each awarded contract runs; 36 months unless said. */
  contractMonths?: number | undefined;
}

export interface Tender extends TenderInput, TenderProcess {
  id: string;
  consortiumId: string;
  /** The pool the budget is reserved in; the lead's organisation is the buyer. */
  poolId: string;
  buyerOrgId: string;
  /** Decided when it is drafted, from its budget (VAT included), `lightTouch` and `authorityType` (regime.ts). */
  regime: RegimeFacts;
  status: TenderStatus;
  createdAt: string;
  createdBy: string;
  version: number;
}

export const budgetOf = (t: Pick<TenderInput, 'lots'>): number => t.lots.reduce((a, l) => a + l.value, 0);

const idPattern = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** Checks a tender as drafted; every problem is reported at once, each naming its field and rule. */
export function checkTender(input: TenderInput, now: Date, regime: RegimeFacts): TenderInput {
  const issues: FieldIssue[] = [];
  const fail = (field: string, rule: string, message: string) => issues.push({ field, rule, message: `${field}: ${message}` });
  if (!input.title.trim()) fail('title', 'required', 'give the tender a title');
  checkLots(input.lots, fail);
  checkCriteria(input.criteria, fail);
  checkDates(input.dates, now, fail);
  checkRegime(input, regime, fail);
  input.documents.forEach((d, i) => {
    if (!/^https:\/\/\S+$/.test(d.url))
      fail(`documents[${i}].url`, 'https-url', 'a specification document is a link starting with https://');
  });
  const budget = budgetOf(input);
  const funded = input.funders.reduce((a, f) => a + f.amount, 0);
  if (!input.funders.length) fail('funders', 'required', 'at least one member must fund the tender');
  if (new Set(input.funders.map((f) => f.orgId)).size !== input.funders.length)
    fail('funders', 'unique-funder', 'a funder is listed twice');
  input.funders.forEach((f, i) => {
    if (!Number.isInteger(f.amount) || f.amount <= 0)
      fail(`funders[${i}].amount`, 'positive-pence', 'a contribution is a whole number of pence above zero');
  });
  if (input.funders.length && funded !== budget) {
    fail('funders', 'contributions-equal-budget', `the contributions add up to ${pounds(funded)} but the lots are worth ${pounds(budget)}`);
  }
  if (issues.length) throw new DomainError('validation', issues.map((i) => i.message).join('; '), issues);
  return input;
}

type Fail = (field: string, rule: string, message: string) => void;

/** The issues one of the checks below finds, as `checkTender` reports them: a journey shows them on the page that asks. */
export function issuesOf(check: (fail: Fail) => void): FieldIssue[] {
  const issues: FieldIssue[] = [];
  check((field, rule, message) => issues.push({ field, rule, message: `${field}: ${message}` }));
  return issues;
}

function checkLots(lots: TenderLot[], fail: Fail): void {
  if (!lots.length) fail('lots', 'required', 'a tender has at least one lot');
  const seen = new Set<string>();
  lots.forEach((l, i) => {
    if (!idPattern.test(l.id)) fail(`lots[${i}].id`, 'lot-id', 'use lower-case letters, digits and hyphens');
    if (seen.has(l.id)) fail(`lots[${i}].id`, 'unique-lot', `lot ${l.id} is listed twice`);
    seen.add(l.id);
    if (!l.title.trim()) fail(`lots[${i}].title`, 'required', 'give the lot a title');
    if (!Number.isInteger(l.value) || l.value <= 0)
      fail(`lots[${i}].value`, 'positive-pence', 'a lot is worth a whole number of pence above zero');
  });
}

/** What the regime allows: a public contract is advertised (s.21(1)); only light touch takes a voluntary standstill (s.51(4)-(5)). */
function checkRegime(input: TenderInput, regime: RegimeFacts, fail: Fail): void {
  const worth = `the lots are worth ${pounds(regime.estimatedValue)}, at or above the ${pounds(regime.threshold)} threshold`;
  if (regime.regime !== 'below-threshold' && !input.advertised)
    fail(
      'advertised',
      'tender-notice-required',
      `${worth}, so the tender must be advertised with a tender notice (Procurement Act 2023, s.21(1))`,
    );
  const days = input.voluntaryStandstillDays;
  if (days === undefined) return;
  if (regime.regime === 'above-threshold')
    fail(
      'voluntaryStandstillDays',
      'mandatory-standstill',
      `${worth}: its standstill is the mandatory eight working days (s.51(2)), not a voluntary one`,
    );
  else if (regime.regime === 'below-threshold')
    fail(
      'voluntaryStandstillDays',
      'no-standstill',
      'a below-threshold contract has no standstill period; leave the voluntary standstill out',
    );
  else if (!Number.isInteger(days) || days < STANDSTILL_WORKING_DAYS || days > 30)
    fail(
      'voluntaryStandstillDays',
      'standstill-days',
      `a voluntary standstill is a whole number of working days from ${STANDSTILL_WORKING_DAYS} (s.51(5)) to 30`,
    );
}

/** Every lot is scored on all the criteria, so their weights sum to 100 for each lot. */
export function checkCriteria(criteria: Criterion[], fail: Fail): void {
  const total = criteria.reduce((a, c) => a + c.weight, 0);
  if (total !== 100)
    fail(
      'criteria',
      'weights-sum-100',
      `the weights add up to ${total}%; they must add up to 100% (every lot is scored on all the criteria)`,
    );
  if (!criteria.some((c) => c.kind === 'quality')) fail('criteria', 'quality-required', 'at least one quality criterion is needed');
  if (criteria.filter((c) => c.kind === 'price').length > 1) fail('criteria', 'one-price', 'price is one criterion');
  const seen = new Set<string>();
  criteria.forEach((c, i) => {
    if (!idPattern.test(c.id)) fail(`criteria[${i}].id`, 'criterion-id', 'use lower-case letters, digits and hyphens');
    if (seen.has(c.id)) fail(`criteria[${i}].id`, 'unique-criterion', `criterion ${c.id} is listed twice`);
    seen.add(c.id);
    if (!Number.isInteger(c.weight) || c.weight < 1)
      fail(`criteria[${i}].weight`, 'whole-percent', 'a weight is a whole number of percentage points, at least 1');
  });
}

/** The key dates in words, for the refusal that puts them out of order. */
const dateNames: Record<keyof KeyDates, string> = {
  clarificationDeadline: 'the clarification deadline',
  submissionDeadline: 'the submission deadline',
  evaluationEnd: 'the end of evaluation',
  awardDecision: 'the award decision',
};

/** Each key date is in the future and after the one before it. */
export function checkDates(d: KeyDates, now: Date, fail: Fail): void {
  const order: (keyof KeyDates)[] = ['clarificationDeadline', 'submissionDeadline', 'evaluationEnd', 'awardDecision'];
  let previous = now.toISOString();
  let previousName = 'now';
  for (const name of order) {
    const value = d[name];
    if (Number.isNaN(Date.parse(value))) {
      fail(`dates.${name}`, 'date-time', 'must be a date and time like 2027-01-15T12:00:00Z');
      continue;
    }
    const at = new Date(value).toISOString();
    if (at <= previous) fail(`dates.${name}`, 'date-order', `${dateNames[name]} must be after ${previousName}`);
    previous = at;
    previousName = dateNames[name];
  }
}

/**
 * Bids are sealed until the submission deadline: before it, nothing about them (not even how
 * many there are) leaves the store layer.
 */
export const bidsUnsealed = (t: Pick<Tender, 'dates'>, now: Date): boolean => now.getTime() >= Date.parse(t.dates.submissionDeadline);

/** A bid may be submitted or replaced only while the tender is published and before the deadline. */
export const takesBids = (t: Pick<Tender, 'dates' | 'status'>, now: Date): boolean => t.status === 'published' && !bidsUnsealed(t, now);
