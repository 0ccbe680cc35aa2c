import type { Api } from '../../infra/local/example';
import { linksIn, openLink, postLink, scopeOf } from '../../infra/local/mailbox-links';
import type { LocalRuntime } from '../../infra/local/runtime';
import type { SeededFunder } from '../../infra/local/scenario';
import type { Consortium } from '../../shared/consortia/consortium';
import type { User } from '../../shared/consortia/store';
import { addDays, londonDate } from '../../shared/platform/london-time';
import type { Pledge } from '../../shared/pools/pledge';
import { financialYearOf } from '../../shared/pools/pledge';
import type { Pool } from '../../shared/pools/pool';
import type { Round } from '../../shared/pools/round';
import type { Made } from './invariants';

const DAY = 86400_000;

/** The consortium and pool the money path made, and its grants' recipient: what a scenario run alongside it needs. */
export interface MoneySetting {
  consortiumId: string;
  poolId: string;
  recipientIdentifier: string;
}

/**
 * The demo's money path, compact enough to run hundreds of times: a consortium of three is
 * proposed and confirmed, pools money from two funders, votes a round of two grants, and runs
 * each grant's tranches and report for two months: one provider reports and is accepted (its
 * last tranche then pays), the other never reports (reminders, overdue, its tranche held).
 * `alongside` runs in those two months (the tender scenario), on the same consortium and pool,
 * while the reminders and the tranches fall due: the plan's virtual time stays the same.
 */
export async function moneyPath(
  runtime: LocalRuntime,
  api: Api,
  admin: User,
  funders: SeededFunder[],
  n: number,
  alongside?: (on: MoneySetting) => Promise<void>,
): Promise<Made> {
  const [lead, a, b] = funders as [SeededFunder, SeededFunder, SeededFunder];
  const advance = (days: number) => runtime.advanceTo(new Date(runtime.clock.now().getTime() + days * DAY));
  const settle = () => later(runtime);
  const today = () => londonDate(runtime.clock.now());
  const recipient = await api.call<{ id: string; contactEmail: string; identifier: string }>(admin, 'POST', '/organisations', {
    name: `Proof Provider ${n}`,
    kind: 'provider',
    identifier: `GB-CHC-${3_000_000 + n}`,
    contactEmail: `provider-${n}@proof.example.org`,
  });
  const consortium = await api.call<Consortium>(lead.admin, 'POST', '/consortia', {
    name: `Proof consortium ${n}`,
    place: 'Wyvernshire',
    members: [
      { orgId: lead.org.id, role: 'lead' },
      { orgId: a.org.id, role: 'member' },
      { orgId: b.org.id, role: 'member' },
    ],
  });
  await settle();
  await api.call(lead.admin, 'POST', `/consortia/${consortium.id}/confirm`);
  await settle();
  const pool = await api.call<Pool>(lead.admin, 'POST', `/consortia/${consortium.id}/pools`, {
    name: `Proof pool ${n}`,
    purpose: 'Local infrastructure support',
    lots: [{ id: 'all', name: 'Everywhere' }],
  });
  for (const [f, amount] of [
    [lead, 600_001],
    [a, 399_999],
  ] as const) {
    await pledgePaidIn(runtime, api, lead, pool.id, f, amount);
  }
  const grants = await voteRound(runtime, api, { lead, a, b }, pool.id, recipient.id, n);
  const reportIds: string[] = [];
  for (const g of grants) {
    const res = await api.call<{ reports: { id: string }[] }>(lead.admin, 'POST', `/grants/${g.id}/plan`, {
      tranches: [
        { amount: 150_000, dueDate: today() },
        { amount: 150_001, dueDate: addDays(today(), 30), reportIndex: 0 },
      ],
      reporting: { frequency: 'one-off', template: 'light', dueDate: addDays(today(), 20) },
    });
    reportIds.push((res.reports[0] as { id: string }).id);
  }
  await settle();
  await advance(1);
  await reportAndAccept(runtime, api, lead, {
    title: grants[0]?.title as string,
    email: recipient.contactEmail,
    reportId: reportIds[0] as string,
  });
  const end = runtime.clock.now().getTime() + 45 * DAY;
  await alongside?.({ consortiumId: consortium.id, poolId: pool.id, recipientIdentifier: recipient.identifier });
  await runtime.advanceTo(new Date(Math.max(end, runtime.clock.now().getTime())));
  return { poolId: pool.id, grants, reportIds, recipientEmail: recipient.contactEmail };
}

/**
 * People act minutes apart, not in the same millisecond: long enough for Lambda's first retry
 * of an event (a minute) to have run, as a user coming back to the page would find.
 */
/** `funder` pledges `amount` to the pool's core for this financial year, and the lead records it paid in today. */
export async function pledgePaidIn(
  runtime: LocalRuntime,
  api: Api,
  lead: SeededFunder,
  poolId: string,
  funder: SeededFunder,
  amount: number,
): Promise<void> {
  const pledge = await api.call<Pledge>(funder.admin, 'POST', `/pools/${poolId}/pledges`, {
    funderOrgId: funder.org.id,
    currency: 'GBP',
    years: [{ financialYear: financialYearOf(runtime.clock.now()), amount }],
    restriction: { kind: 'core' },
  });
  const receivedOn = londonDate(runtime.clock.now());
  await api.call(lead.admin, 'POST', `/pools/${poolId}/pledges/${pledge.id}/contributions`, { amount, currency: 'GBP', receivedOn });
}

export async function later(runtime: LocalRuntime): Promise<void> {
  await runtime.settle(60_000);
  await runtime.advanceTo(new Date(runtime.clock.now().getTime() + 5 * 60_000));
}

async function voteRound(
  runtime: LocalRuntime,
  api: Api,
  f: Record<'lead' | 'a' | 'b', SeededFunder>,
  poolId: string,
  recipientOrgId: string,
  n: number,
): Promise<{ id: string; title: string }[]> {
  const round = await api.call<Round>(f.lead.admin, 'POST', `/pools/${poolId}/rounds`, { name: `Proof round ${n}` });
  await later(runtime);
  for (const title of [`Reported grant ${n}`, `Silent grant ${n}`])
    await api.call(f.a.admin, 'POST', `/rounds/${round.id}/proposals`, {
      recipientOrgId,
      title,
      amount: 300_001,
      currency: 'GBP',
      durationMonths: 12,
    });
  await api.call(f.lead.admin, 'POST', `/rounds/${round.id}/close`);
  await later(runtime);
  // The member with 40% says no; the lead's 60% carries it.
  await api.call(f.a.admin, 'POST', `/rounds/${round.id}/votes`, { decision: 'reject' });
  await api.call(f.lead.admin, 'POST', `/rounds/${round.id}/votes`, { decision: 'approve' });
  await later(runtime);
  const read = await api.call<{ status: string; proposals: { title: string; grantId?: string }[] }>(
    f.lead.admin,
    'GET',
    `/rounds/${round.id}`,
  );
  if (read.status !== 'committed') throw new Error(`round ${round.id} is ${read.status}, not committed`);
  return read.proposals.map((p) => ({ id: p.grantId as string, title: p.title }));
}

/** The provider opens the emailed link and sends the light report; the lead accepts it. */
async function reportAndAccept(runtime: LocalRuntime, api: Api, lead: SeededFunder, r: { title: string; email: string; reportId: string }) {
  const request = (await runtime.emails()).find((e) => e.destination.to.includes(r.email) && e.subject.endsWith(`: ${r.title}`));
  const url = request ? linksIn(request, 'report')[0] : undefined;
  if (!url) throw new Error(`no report request reached ${r.email} for ${r.title}`);
  const page = await openLink(url);
  const sent = await postLink(url, {
    scope: scopeOf(page.html),
    action: 'submit',
    'measures.groups-supported': '9',
    'measures.funding-secured': '£1,000.00',
    'questions.difference': 'Nine groups were supported.',
    'questions.next': 'More of the same.',
  });
  if (sent.status !== 200) throw new Error(`report ${r.reportId}: the link answered ${sent.status}`);
  await later(runtime);
  await api.call(lead.admin, 'POST', `/reports/${r.reportId}/review`, { decision: 'accept' });
  await later(runtime);
}
