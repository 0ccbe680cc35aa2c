import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { localCredentials } from '../../infra/local/dynamodb-local';
import type { LocalRuntime } from '../../infra/local/runtime';
import type { StoredEmail } from '../../infra/local/ses-local';
import { dynamoGrants } from '../../shared/grants/dynamodb-store';
import { names } from '../../shared/platform/catalog';
import { dynamoPools } from '../../shared/pools/dynamodb-store';
import type { Pool } from '../../shared/pools/pool';
import { reconcile } from '../../shared/pools/reconcile';
import { dynamoReports } from '../../shared/reporting/dynamodb-store';
import { tenderTableProblems } from './tender-invariants';

/** What one scenario made: the records whose figures are re-derived from the table. */
export interface Made {
  poolId: string;
  grants: { id: string; title: string }[];
  reportIds: string[];
  recipientEmail: string;
}

type Event = { type: string; data: Record<string, unknown> };

async function eventsOf(db: DynamoDBDocumentClient, subject: string): Promise<Event[]> {
  const out: Event[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new QueryCommand({
        TableName: names.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :e)',
        ExpressionAttributeValues: { ':pk': subject, ':e': 'EVENT#' },
        ExclusiveStartKey: start,
      }),
    );
    out.push(...((page.Items ?? []) as Event[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

const count = (events: Event[], type: string, where: (d: Record<string, unknown>) => boolean = () => true) =>
  events.filter((e) => e.type === type && where(e.data)).length;

/**
 * Re-derives what must hold from the table alone, whatever failed on the way: the pool's
 * ledger balances and matches its totals, no bucket is negative, no tranche is paid twice and
 * every released tranche was paid once, every report's submissions are each recorded once and
 * it is accepted at most once, no reminder went twice (by event or by email), and every
 * execution has finished or is parked on a callback. Returns what is wrong, in words.
 */
export async function violations(runtime: LocalRuntime, made: Made, emails: StoredEmail[]): Promise<string[]> {
  const db = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: runtime.dynamodbEndpoint, region: 'eu-west-2', credentials: localCredentials }),
  );
  const problems: string[] = [];
  const pool = (await dynamoPools.getPool(made.poolId)) as Pool;
  const rec = await reconcile({ pools: dynamoPools }, pool);
  problems.push(...rec.problems.map((p) => `pool ${pool.id}: ${p}`));
  for (const b of await dynamoPools.listBuckets(pool.id))
    if (b.available < 0) problems.push(`bucket ${b.bucket} is negative (${b.available})`);

  for (const g of made.grants) {
    const events = await eventsOf(db, `grant#${g.id}`);
    const { tranches } = await dynamoGrants.getPlan(g.id);
    for (const t of tranches) {
      const paid = count(events, 'payment.made', (d) => d.tranche === t.seq);
      if (paid > 1) problems.push(`grant ${g.id} tranche ${t.seq} paid ${paid} times`);
      if ((t.status === 'released') !== (paid === 1))
        problems.push(`grant ${g.id} tranche ${t.seq} is ${t.status} with ${paid} payment(s)`);
    }
  }
  for (const id of made.reportIds) problems.push(...(await reportProblems(db, id, made, emails)));
  problems.push(...executionProblems(runtime));
  return problems;
}

async function reportProblems(db: DynamoDBDocumentClient, id: string, made: Made, emails: StoredEmail[]): Promise<string[]> {
  const problems: string[] = [];
  const found = await dynamoReports.getReport(id);
  if (!found) return [`report ${id} is lost`];
  const { report, submissions } = found;
  const events = await eventsOf(db, `report#${id}`);
  if (count(events, 'report.submitted') !== submissions.length || submissions.length !== report.submissions)
    problems.push(
      `report ${id}: ${count(events, 'report.submitted')} submitted events, ${submissions.length} submissions stored, count ${report.submissions}`,
    );
  if (count(events, 'report.accepted') > 1) problems.push(`report ${id} accepted ${count(events, 'report.accepted')} times`);
  const offsets = events.filter((e) => e.type === 'report.reminder-sent').map((e) => e.data.offsetDays);
  if (new Set(offsets).size !== offsets.length) problems.push(`report ${id}: a reminder was recorded twice (${offsets.join(', ')})`);
  const title = made.grants.find((g) => g.id === report.grantId)?.title ?? '';
  const mailed = emails.filter(
    (e) => e.destination.to.includes(made.recipientEmail) && /^Reminder: /.test(e.subject) && e.subject.endsWith(title),
  ).length;
  if (mailed > report.remindersSent) problems.push(`report ${id}: ${mailed} reminder emails for ${report.remindersSent} reminders`);
  return problems;
}

function executionProblems(runtime: LocalRuntime): string[] {
  const problems: string[] = [];
  for (const e of runtime.sfn.list()) {
    if (e.status === 'SUCCEEDED') continue;
    // The step that failed, with its own error: the Fail state at the end names only the workflow's.
    const step = e.history.filter((h) => h.type === 'StateFailed' && h.error && !h.error.startsWith(e.error ?? '-')).at(-1);
    const why = step ? ` (after ${step.state} failed: ${step.error}: ${step.cause})` : '';
    if (e.status !== 'RUNNING') problems.push(`execution ${e.name} ${e.status}: ${e.error ?? ''} ${e.cause ?? ''}${why}`.trim());
    else if (e.waitingOn === 0) problems.push(`execution ${e.name} is running but not waiting on anything (at ${e.at?.state})`);
  }
  return problems;
}

type Item = Record<string, unknown> & { entity?: string };

/**
 * The same rules over the whole table, from its items alone (for a runtime seen from outside,
 * as after a kill): every ledger entry balances, no bucket is negative, no tranche is paid twice
 * and a released tranche was paid once, reports are accepted at most once and reminded at most
 * once per reminder, and each report's submissions are recorded once; and the tender rules
 * (tender-invariants.ts): each lot awarded at most once, each reserve spent or released once,
 * one organisation per identifier.
 */
export function tableProblems(items: Item[]): string[] {
  const problems: string[] = [];
  const events = items.filter((i) => i.entity === 'event') as (Item & { type: string; subject: string; data: Record<string, unknown> })[];
  const tally = (key: (e: (typeof events)[number]) => string | undefined) => {
    const counts = new Map<string, number>();
    for (const e of events) {
      const k = key(e);
      if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return counts;
  };
  for (const e of items.filter((i) => i.entity === 'ledger-entry')) {
    const off = (e.postings as { amount: number }[]).reduce((a, p) => a + p.amount, 0);
    if (off !== 0) problems.push(`ledger entry ${String(e.sk)} of ${String(e.pk)} is off by ${off}`);
  }
  for (const b of items.filter((i) => i.entity === 'bucket'))
    if ((b.available as number) < 0) problems.push(`bucket ${String(b.bucket)} is negative`);
  const payments = tally((e) =>
    e.type === 'payment.made' && e.data.tranche !== undefined ? `${e.data.grantId}#${e.data.tranche}` : undefined,
  );
  for (const [k, n] of payments) if (n > 1) problems.push(`tranche ${k} paid ${n} times`);
  for (const t of items.filter((i) => i.entity === 'tranche')) {
    const paid = payments.get(`${t.grantId}#${t.seq}`) ?? 0;
    if ((t.status === 'released') !== (paid === 1)) problems.push(`tranche ${t.grantId}#${t.seq} is ${t.status} with ${paid} payment(s)`);
  }
  for (const [k, n] of tally((e) => (e.type === 'report.accepted' ? e.subject : undefined)))
    if (n > 1) problems.push(`${k} accepted ${n} times`);
  for (const [k, n] of tally((e) => (e.type === 'report.reminder-sent' ? `${e.subject} ${e.data.offsetDays}` : undefined)))
    if (n > 1) problems.push(`${k}: reminder recorded ${n} times`);
  const submitted = tally((e) => (e.type === 'report.submitted' ? e.subject : undefined));
  for (const r of items.filter((i) => i.entity === 'report'))
    if ((submitted.get(`report#${r.id}`) ?? 0) !== r.submissions)
      problems.push(`report ${r.id}: ${submitted.get(`report#${r.id}`) ?? 0} submitted events for ${r.submissions} submissions`);
  return [...problems, ...tenderTableProblems(items)];
}

/** Every item of the local table (a checker's read, not an access pattern: nothing served to users scans). */
export async function tableItems(endpoint: string): Promise<Item[]> {
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint, region: 'eu-west-2', credentials: localCredentials }));
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new ScanCommand({ TableName: names.table, ExclusiveStartKey: start }));
    items.push(...((page.Items ?? []) as Item[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
