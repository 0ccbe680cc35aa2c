import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate360 } from '../support/giving360';
import { root } from '../support/stack';

describe('npx grantloop demo --json', () => {
  it('runs the scenario on a fresh stack and prints one JSON object with figures measured from the engines', () => {
    const out = mkdtempSync(join(tmpdir(), 'grantloop-demo-out-'));
    const run = spawnSync(process.execPath, [join(root, 'bin', 'grantloop.mjs'), 'demo', '--json', '--out', out], {
      cwd: root,
      encoding: 'utf8',
      timeout: 300_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const summary = JSON.parse(lines[0] as string);
    expect(summary).toMatchObject({ ok: true, organisations: 10, consortia: 3, consortiaByStatus: { active: 2, lapsed: 1 } });
    expect(summary.checks.failed).toEqual([]);
    // Consortia 24 (invitations, activations, lapses, reminders); rounds 22 (vote requests,
    // committed and rejected notices); the reporting year 41 (requests, reminders, reviews,
    // acceptances, one change request, one very-late escalation, two evidence requests, and the
    // lead told once that evidence arrived; the other condition is waived without evidence).
    expect(summary.emailsSent).toBe(87);
    expect(summary.reports).toEqual({ requested: 9, submittedViaLink: 9, accepted: 8, changesRequested: 1, overdue: 3, remindersSent: 10 });
    expect(summary.payments).toEqual({ released: 7, blockedByConditions: 2 });
    expect(summary.pools).toEqual([
      {
        id: expect.any(String),
        pledged: 22_000_033,
        received: 15_000_017,
        committed: 7_300_049,
        paid: 7_300_049,
        returned: 100_001,
        available: 7_799_969,
        ledgerBalanced: true,
      },
    ]);
    expect(summary.grants).toEqual({ count: 3, attributionExact: true });
    expect(summary.events).toBeGreaterThan(0);
    for (const key of ['dynamodbReadUnits', 'dynamodbWriteUnits', 'stateTransitions', 'lambdaInvocations', 'schedulesFired']) {
      expect(summary.usage[key], key).toBeGreaterThan(0);
    }
    // 3 invitation, 2 round, 3 grant and 9 reporting-cycle executions, all settled.
    expect(summary.workflowExecutions).toBe(17);
    // 3 consortium reminders, 9 report-period openings, and 4 reminder schedules for each of the
    // 9 opened reports: each fires, and sends only if its report is still awaited.
    expect(summary.usage.schedulesFired).toBe(3 + 9 + 9 * 4);
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
    const emails = JSON.parse(readFileSync(join(out, 'emails.json'), 'utf8')) as unknown[];
    expect(emails).toHaveLength(summary.emailsSent);
    const giving = JSON.parse(readFileSync(join(out, '360giving.json'), 'utf8')) as { grants: { fundingOrganization: unknown[] }[] };
    expect(validate360(giving)).toEqual([]);
    expect(giving.grants).toHaveLength(3);
    expect(giving.grants.every((g) => g.fundingOrganization.length >= 2)).toBe(true);
    const ledger = readFileSync(join(out, 'ledger.csv'), 'utf8').trim().split('\n');
    expect(ledger[0]).toBe('seq,date,type,grant_id,account,account_name,debit_gbp,credit_gbp,bank_balance_gbp,memo');
    // The last row's running bank balance is what the pool holds: received − paid + returned.
    expect(ledger.at(-1)).toContain(`,${((15_000_017 - 7_300_049 + 100_001) / 100).toFixed(2)},`);
  }, 320_000);
});
