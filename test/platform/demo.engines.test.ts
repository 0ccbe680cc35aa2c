import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate360 } from '../support/giving360';
import { ocdsValidators, offCodelist } from '../support/ocds';
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
    // Ten seeded or registered organisations, and the two tender winners registered at award.
    expect(summary).toMatchObject({ ok: true, organisations: 12, consortia: 3, consortiaByStatus: { active: 2, lapsed: 1 } });
    expect(summary.checks.failed).toEqual([]);
    // Consortia 24 (invitations, activations, lapses, reminders); rounds 22 (vote requests,
    // committed and rejected notices); the reporting year 41 (requests, reminders, reviews,
    // acceptances, one change request, one very-late escalation, two evidence requests, and the
    // lead told once that evidence arrived; the other condition is waived without evidence); the
    // tender 49 (sign-off requests twice, the refusal, links to five providers, the clarification
    // to all five, receipts, scoring requests, vote requests, award decisions, completion); and
    // one report request for the grants' next quarter, due while the tender ran past the year.
    expect(summary.emailsSent).toBe(87 + 49 + 1);
    expect(summary.tenders).toEqual({ published: 1, bids: 4, lateRefused: 1, awarded: 1, cancelled: 0, ocdsReleases: 7 });
    expect(summary.reports).toEqual({ requested: 9, submittedViaLink: 9, accepted: 8, changesRequested: 1, overdue: 3, remindersSent: 10 });
    expect(summary.payments).toEqual({ released: 7, blockedByConditions: 2 });
    // The tender's awards, as its OCDS record states them (pence): two grants committed from the reserve.
    const record = JSON.parse(readFileSync(join(out, 'ocds-record-package.json'), 'utf8'));
    const compiled = record.records[0].compiledRelease;
    const awarded = compiled.awards.reduce((a: number, x: { value: { amount: number } }) => a + Math.round(x.value.amount * 100), 0);
    expect(summary.pools).toEqual([
      {
        id: expect.any(String),
        // Five members put £90,000 more in for the tender; what it did not award is available again.
        pledged: 22_000_033 + 9_000_000,
        received: 15_000_017 + 9_000_000,
        committed: 7_300_049 + awarded,
        paid: 7_300_049,
        returned: 100_001,
        available: 7_799_969 + 9_000_000 - awarded,
        ledgerBalanced: true,
      },
    ]);
    expect(summary.grants).toEqual({ count: 5, attributionExact: true });
    expect(summary.events).toBeGreaterThan(0);
    for (const key of ['dynamodbReadUnits', 'dynamodbWriteUnits', 'stateTransitions', 'lambdaInvocations', 'schedulesFired']) {
      expect(summary.usage[key], key).toBeGreaterThan(0);
    }
    // 3 invitation, 2 round, 3 grant and 9 reporting-cycle executions, all settled; 2 of the
    // tender (refused, then approved); 1 reporting cycle opened after the year, still waiting.
    expect(summary.workflowExecutions).toBe(17 + 2 + 1);
    // 3 consortium reminders, 9 report-period openings, and 4 reminder schedules for each of the
    // 9 opened reports: each fires, and sends only if its report is still awaited; then the
    // opening of the next period.
    expect(summary.usage.schedulesFired).toBe(3 + 9 + 9 * 4 + 1);
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
    const emails = JSON.parse(readFileSync(join(out, 'emails.json'), 'utf8')) as unknown[];
    expect(emails).toHaveLength(summary.emailsSent);
    const giving = JSON.parse(readFileSync(join(out, '360giving.json'), 'utf8')) as { grants: { fundingOrganization: unknown[] }[] };
    expect(validate360(giving)).toEqual([]);
    // The round's three grants and the tender's two (one per lot), each with every funder whose money it used.
    expect(giving.grants).toHaveLength(5);
    expect(giving.grants.every((g) => g.fundingOrganization.length >= 2)).toBe(true);
    // The OCDS packages validate against core 1.1.5 with the lots, bids and UK patches, on the codelists.
    const validators = ocdsValidators();
    const releases = JSON.parse(readFileSync(join(out, 'ocds-release-package.json'), 'utf8'));
    expect(
      validators.record(record) && validators.release(releases),
      JSON.stringify(validators.record.errors ?? validators.release.errors),
    ).toBe(true);
    expect([...offCodelist(record), ...offCodelist(releases)]).toEqual([]);
    expect(compiled.tender.status).toBe('complete');
    expect(compiled.awards.map((a: { status: string }) => a.status)).toEqual(['active', 'active']);
    expect(compiled.contracts.map((c: { documents: { noticeType: string }[] }) => c.documents[0]?.noticeType)).toEqual(['UK7', 'UK7']);
    expect(releases.releases).toHaveLength(summary.tenders.ocdsReleases);
    const ledger = readFileSync(join(out, 'ledger.csv'), 'utf8').trim().split('\n');
    expect(ledger[0]).toBe('seq,date,type,grant_id,account,account_name,debit_gbp,credit_gbp,bank_balance_gbp,memo');
    // The last row's running bank balance is what the pool holds: received − paid + returned.
    expect(ledger.at(-1)).toContain(`,${((15_000_017 + 9_000_000 - 7_300_049 + 100_001) / 100).toFixed(2)},`);
  }, 320_000);
});
