import type { SeededFunder } from '../../infra/local/scenario';
import type { contractView } from '../../shared/contracts/views';
import { londonTime } from '../../shared/platform/london-time';
import { inDays, today } from './grant';
import type { TestStack } from './stack';

export type ContractView = Awaited<ReturnType<typeof contractView>>;

/** A contract a council registers directly: milestones due `dueIn` days from today, a year long. */
export function contractBody(stack: TestStack, title: string, dueIn: number[], supplierEmail = 'contracts@wyvern-va.example.org') {
  return {
    title,
    description: 'Infrastructure support for small groups.',
    supplier: { name: 'Wyvern Voluntary Action', email: supplierEmail, identifier: 'GB-CHC-1077001' },
    value: 9_000_000,
    period: { startDate: inDays(stack, 0), endDate: inDays(stack, 365) },
    milestones: dueIn.map((d, i) => ({
      title: `Milestone ${i + 1} of ${title}`,
      type: i % 2 ? 'reporting' : 'delivery',
      dueDate: inDays(stack, d),
      deliverable: 'Ten groups supported with governance reviews.',
      evidenceRequested: 'A list of the groups and their reviews.',
    })),
    kpis: [{ name: 'Groups supported', target: '120 a year' }],
  };
}

/** `body` may add what the helper leaves out (payments, a regime). */
export const register = (stack: TestStack, council: SeededFunder, body: ReturnType<typeof contractBody> & Record<string, unknown>) =>
  stack.api.call<ContractView>(council.admin, 'POST', `/councils/${council.org.id}/contracts`, body);

export const getContract = (stack: TestStack, council: SeededFunder, id: string) =>
  stack.api.call<ContractView>(council.admin, 'GET', `/contracts/${id}`);

/** Moves the virtual clock to 09:05 London on the day `days` from the test's start, letting everything due run. */
export async function advanceToMorning(stack: TestStack, start: string, days: number) {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
  await stack.runtime.advanceTo(new Date(londonTime(date, '09:05')));
  await stack.runtime.settle();
}

/**
 * A contract with one milestone due 10 days from today, registered for `supplier`; the clock then
 * moves to the morning 3 days before it is due, by when the supplier has had its alerts.
 */
export async function contractAlerted(stack: TestStack, council: SeededFunder, title: string, supplier: string) {
  const start = today(stack);
  const c = await register(stack, council, contractBody(stack, title, [10], supplier));
  await stack.runtime.settle();
  await advanceToMorning(stack, start, 7);
  return c;
}

export async function mailTo(stack: TestStack, to: string, subject: RegExp) {
  return (await stack.runtime.emails()).filter((e) => e.destination.to.includes(to) && subject.test(e.subject));
}

/** The contract's sub-page a form is on (and posts to), by its action. */
export function contractFormPath(id: string, action: string | undefined): string {
  const parts: Record<string, string> = {
    decide: 'milestones',
    'request-evidence': 'milestones',
    rate: 'kpis',
    invoice: 'payments',
    paid: 'payments',
  };
  // Own keys only: an action such as "toString" is one no page has, posted to the overview.
  const part = Object.hasOwn(parts, action ?? '') ? parts[action ?? ''] : undefined;
  return `/app/contracts/${id}${part ? `/${part}` : ''}`;
}
