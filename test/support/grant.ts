import { linksIn, openLink, postLink, scopeOf } from '../../infra/local/mailbox-links';
import type { SeededFunder } from '../../infra/local/scenario';
import { addDays, londonDate } from '../../shared/platform/london-time';
import { addProvider, WVA } from './consortia';
import { setupPool } from './pool';
import type { TestStack } from './stack';

export interface Fixture {
  stack: TestStack;
  lead: SeededFunder;
  poolId: string;
  consortiumId: string;
  recipient: { id: string; contactEmail: string; name: string };
}

/** An active consortium with £1,000,000 in its pool and a provider to fund. */
export async function grantFixture(stack: TestStack, funders: SeededFunder[]): Promise<Fixture> {
  const { pool, pledge, receive, lead, consortium } = await setupPool(stack, funders, 'Grants Fund');
  await receive(await pledge(funders[1] as SeededFunder, 100_000_000), 100_000_000);
  const recipient = await addProvider(stack, WVA);
  return { stack, lead, poolId: pool.id, consortiumId: consortium.id, recipient };
}

export const today = (stack: TestStack) => londonDate(stack.clock.now());
export const inDays = (stack: TestStack, days: number) => addDays(today(stack), days);

export async function award(f: Fixture, title: string, amount: number, durationMonths = 12) {
  return f.stack.api.call<{ id: string }>(f.lead.admin, 'POST', `/pools/${f.poolId}/allocations`, {
    recipientOrgId: f.recipient.id,
    title,
    amount,
    currency: 'GBP',
    durationMonths,
    plannedStart: today(f.stack),
  });
}

export async function plan(f: Fixture, grantId: string, body: unknown) {
  const res = await f.stack.request('POST', `/grants/${grantId}/plan`, { as: f.lead.admin, body });
  if (res.status !== 201) throw new Error(`plan: ${res.status} ${JSON.stringify(res.body)}`);
  await f.stack.runtime.settle();
  return res.body as {
    reports: { id: string; status: string }[];
    tranches: { seq: number; status: string }[];
    conditions: { id: string }[];
  };
}

/**
 * A grant of `amount` paid in one tranche due on `trancheDue`, held back until one condition
 * (`condition`) is met, with a one-off light report due on `reportDue`; answers its id.
 */
export async function conditionalGrant(
  f: Fixture,
  title: string,
  amount: number,
  { condition, trancheDue, reportDue }: { condition: string; trancheDue: string; reportDue: string },
): Promise<string> {
  const grantId = (await award(f, title, amount)).id;
  await plan(f, grantId, {
    conditions: [{ description: condition, kind: 'before-first-payment' }],
    tranches: [{ amount, dueDate: trancheDue }],
    reporting: { frequency: 'one-off', template: 'light', dueDate: reportDue },
  });
  return grantId;
}

export async function mail(f: Fixture, to: string, subject: RegExp) {
  return (await f.stack.runtime.emails()).filter((e) => e.destination.to.includes(to) && subject.exec(e.subject) !== null);
}

/** The link in an email, exactly as the recipient would click it. */
export function linkIn(email: { body: { text?: string } }): string {
  const link = linksIn(email, 'report')[0];
  if (!link) throw new Error(`no link in email: ${email.body.text}`);
  return link;
}

export { openLink, postLink, scopeOf };

export const lightAnswers = (scope: string) => ({
  scope,
  action: 'submit',
  'measures.groups-supported': '14',
  'measures.funding-secured': '£12,500.50',
  'questions.difference': 'Fourteen groups now have a safeguarding policy and three won their first grant.',
  'questions.next': 'Demand for governance support is rising.',
});

export async function report(f: Fixture, reportId: string) {
  return f.stack.api.call<{ report: { status: string; submissions: number; remindersSent: number }; submissions: unknown[] }>(
    f.lead.admin,
    'GET',
    `/reports/${reportId}`,
  );
}

export async function grant(f: Fixture, grantId: string) {
  return f.stack.api.call<{
    status: string;
    tranches: { seq: number; status: string; blockedByConditionsAt?: string }[];
    conditions: { id: string; status: string }[];
  }>(f.lead.admin, 'GET', `/grants/${grantId}`);
}
