import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { claimPortBlock } from '../../infra/local/port-claims';
import type { ExecutionRecord } from '../../infra/local/step-functions';
import { tableItems, tableProblems } from '../proof/invariants';
import { alive, descendants, run, until } from '../support/cli';

const ready = /grantloop ready api=(\S+)/;
const roundLimitSeconds = (
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'workflows', 'pools-allocation-round.asl.json'), 'utf8')) as {
    TimeoutSeconds: number;
  }
).TimeoutSeconds;

async function tokenOf(dir: string, email: string): Promise<Record<string, string>> {
  const token = run(['token', '--email', email, '--dir', dir]);
  await token.exited;
  return { authorization: `Bearer ${token.out().trim()}`, 'content-type': 'application/json' };
}

const journalled = (dir: string): ExecutionRecord[] => {
  const folder = join(dir, 'journal', 'executions');
  return readdirSync(folder).map((f) => JSON.parse(readFileSync(join(folder, f), 'utf8')) as ExecutionRecord);
};

/** Parked on a callback it has not had yet: where a running execution may rest. */
const resting = (e: ExecutionRecord) => e.status !== 'RUNNING' || Object.values(e.parked).some((p) => !p.outcome);

describe('npm start killed with SIGKILL in the middle of the example', () => {
  it('leaves no engine after 5 s; a restart keeps every acknowledged write and carries the waiting workflows through exactly once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grantloop-midkill-'));
    const block = await claimPortBlock(6);
    onTestFinished(block.release);
    const port = String(block.first);
    const dynamodb = `http://127.0.0.1:${block.first + 2}`;
    const first = run(['start', '--example', '--dir', dir, '--port', port]);
    // The history is played on the virtual clock; in June the tranches of 1 July wait, reports are open.
    await until('the example to reach June', () => /2026-06-01: reports and payments run/.test(first.err()), 120_000);
    const token = run(['token', '--email', 'admin@grantloop.local', '--dir', dir]);
    await token.exited;
    const auth = { authorization: `Bearer ${token.out().trim()}`, 'content-type': 'application/json' };
    const api = `http://127.0.0.1:${port}`;
    const acknowledged: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${api}/organisations`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({
          name: `Written before the kill ${i}`,
          kind: 'provider',
          identifier: `GB-CHC-${1_188_000 + i}`,
          contactEmail: `k${i}@example.org`,
        }),
      });
      if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
    }
    expect(acknowledged).toHaveLength(3);
    // A round vote waiting at the kill too: the county opens and closes a round in the example's pool.
    const county = await tokenOf(dir, 'ruth.okafor@wyvernshire.example.org');
    const firstRound = journalled(dir)
      .find((e) => e.name.startsWith('round-'))
      ?.name.slice('round-'.length) as string;
    const { poolId } = (await (await fetch(`${api}/rounds/${firstRound}`, { headers: county })).json()) as { poolId: string };
    const round = (await (
      await fetch(`${api}/pools/${poolId}/rounds`, { method: 'POST', headers: county, body: '{"name":"Round open at the kill"}' })
    ).json()) as { id: string };
    const proposal = {
      recipientOrgId: acknowledged[0],
      title: 'Proposed before the kill',
      amount: 100_000,
      currency: 'GBP',
      durationMonths: 12,
    };
    expect(
      (await fetch(`${api}/rounds/${round.id}/proposals`, { method: 'POST', headers: county, body: JSON.stringify(proposal) })).status,
    ).toBe(201);
    expect((await fetch(`${api}/rounds/${round.id}/close`, { method: 'POST', headers: county })).status).toBe(202);
    await until(
      'the vote to be requested',
      () => journalled(dir).some((e) => e.name === `round-${round.id}` && e.at?.state === 'RequestVotes' && resting(e)),
      30_000,
    );
    const waiting = journalled(dir).filter((e) => e.status === 'RUNNING');
    expect(waiting.some((e) => e.name.startsWith('grant-'))).toBe(true);

    const engines = await descendants(first.child.pid as number);
    expect(engines.length).toBeGreaterThanOrEqual(4); // two watchdogs, Java, the SES emulator
    first.child.kill('SIGKILL');
    await first.exited;
    const killedAt = Date.now();
    await until('every engine to exit', () => engines.every((pid) => !alive(pid)), 5_000);
    expect(Date.now() - killedAt).toBeLessThan(5_000);

    // Back on the wall clock: everything due between June and today happens now, once.
    const second = run(['start', '--dir', dir, '--port', port]);
    await until('the ready line', () => ready.test(second.out()), 120_000);
    expect(second.err()).toMatch(/resumed from the state folder: [1-9]\d* workflow execution/);
    for (const id of acknowledged) expect((await fetch(`${api}/organisations/${id}`, { headers: auth })).status).toBe(200);
    await until('every execution to finish or rest on a callback', () => journalled(dir).every(resting), 60_000);
    await new Promise((r) => setTimeout(r, 3_000));
    // The vote's week ran out while the runtime was down (June on the example's clock): the
    // missed timeout fires at start, once, and the round waits for its lead.
    const status = async () =>
      ((await (await fetch(`${api}/rounds/${round.id}`, { headers: county })).json()) as { status: string }).status;
    const reach = async (want: string) => {
      let now = '';
      for (let i = 0; i < 60 && now !== want; i++) {
        now = await status();
        if (now !== want) await new Promise((r) => setTimeout(r, 500));
      }
      return now;
    };
    expect(await reach('escalated')).toBe('escalated');
    await until(
      'the escalation to wait for the lead',
      () => journalled(dir).some((e) => e.name === `round-${round.id}` && e.at?.state === 'EscalateToLead' && resting(e)),
      30_000,
    );
    const items = await tableItems(dynamodb);
    // The missed vote window closed exactly once (the in-process restart test commits a vote across a restart).
    expect(items.filter((i) => i.entity === 'event' && i.type === 'round.escalated' && i.subject === `round#${round.id}`)).toHaveLength(1);
    expect(tableProblems(items)).toEqual([]);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);

    const after = journalled(dir);
    // The round has a 120-day execution limit, counted from its start on the example's clock,
    // which keeps moving while the test works: if the limit passed before the restart's wall
    // clock, the round times out at start (after its vote window closed), as on AWS; if not, it
    // still rests on its lead's decision. Nothing else stops.
    const roundRun = after.find((e) => e.name === `round-${round.id}`) as ExecutionRecord;
    const limitPassed = new Date(roundRun.startDate).getTime() + roundLimitSeconds * 1000 <= Date.now();
    expect(roundRun.status).toBe(limitPassed ? 'TIMED_OUT' : 'RUNNING');
    expect(
      after
        .filter((e) => e.name !== `round-${round.id}` && !['RUNNING', 'SUCCEEDED'].includes(e.status))
        .map((e) => `${e.name} ${e.status} ${e.cause}`),
    ).toEqual([]);
    // Each workflow that waited at the kill went on: none is still where it was, unless still due later.
    for (const w of waiting.filter((e) => e.name.startsWith('grant-'))) {
      const now = after.find((e) => e.name === w.name) as ExecutionRecord;
      expect(now.history.length).toBeGreaterThan(w.history.length);
    }
    expect(second.err()).not.toMatch(/error:/);
  }, 300_000);
});
