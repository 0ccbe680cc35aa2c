import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { StoredEmail } from '../../infra/local/ses-local';
import { validate360 } from '../support/giving360';
import { ocdsValidators, offCodelist } from '../support/ocds';
import { root } from '../support/stack';
import { htmlErrors } from '../support/vnu';

describe('npx grantloop demo --json', () => {
  it('runs the scenario on a fresh stack and prints one JSON object with figures measured from the engines', async () => {
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
    // committed and rejected notices); the reporting year (requests, reminders, reviews,
    // acceptances, one change request, one very-late escalation, two evidence requests, the
    // lead told once that evidence arrived, the other condition waived without evidence, and the
    // provider told each decision: 43); the
    // tender 52 (sign-off requests twice, the refusal, links to five providers, the question to the
    // lead's admin, the clarification to all five, receipts, scoring requests, vote requests, four
    // assessment summaries, the standstill's dates, completion, and each of the four bidders its lot
    // outcomes, where only the two winners were told before); the
    // grants' next quarter while the tender and the contracts run on (a report request nobody
    // answers: its 4 reminders, the very-late notice, then the next period's request: 7); the
    // contracts 33 (22 alerts, 4 decisions told to both sides, 3 evidence notices to the council).
    expect(summary.emailsSent).toBe(89 + 56 + 7 + 33);
    // Two contracts, six milestones: 2 met, 1 partly met, 1 not met, 1 left overdue, 1 coming up.
    expect(summary.milestones).toEqual({
      total: 6,
      met: 2,
      partiallyMet: 1,
      notMet: 1,
      overdue: 1,
      red: 2,
      amber: 2,
      green: 2,
      alertsSent: 22,
    });
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
        // Five members put £675,000 more in for the tender; what it did not award is available again.
        pledged: 22_000_033 + 67_500_000,
        received: 15_000_017 + 67_500_000,
        committed: 7_300_049 + awarded,
        paid: 7_300_049,
        returned: 100_001,
        available: 7_799_969 + 67_500_000 - awarded,
        ledgerBalanced: true,
      },
    ]);
    expect(summary.grants).toEqual({ count: 5, attributionExact: true });
    expect(summary.events).toBeGreaterThan(0);
    for (const key of ['dynamodbReadUnits', 'dynamodbWriteUnits', 'stateTransitions', 'lambdaInvocations', 'schedulesFired']) {
      expect(summary.usage[key], key).toBeGreaterThan(0);
    }
    // 3 invitation, 2 round, 3 grant and 9 reporting-cycle executions, all settled; 2 of the
    // tender (refused, then approved); 2 reporting cycles opened after the year (the report
    // nobody answers, and the next period's, opened while the contracts run).
    expect(summary.workflowExecutions).toBe(17 + 2 + 2);
    // 3 consortium reminders, 9 report-period openings, and 4 reminder schedules for each of the
    // 9 opened reports: each fires, and sends only if its report is still awaited; then the
    // opening of the next period, its 4 reminders and the one after; and the contracts' 16
    // milestone alerts that came due (3 offsets each for five milestones, one for the last).
    expect(summary.usage.schedulesFired).toBe(3 + 9 + 9 * 4 + 1 + 4 + 1 + 16);
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
    const emails = JSON.parse(readFileSync(join(out, 'emails.json'), 'utf8')) as StoredEmail[];
    expect(emails).toHaveLength(summary.emailsSent);
    // Every email the demo sends is multipart, says no date in ISO form nor a UTC time, and its
    // HTML passes the W3C checker (all of them in one run).
    expect(emails.filter((e) => !e.body.text || !e.body.html).map((e) => e.subject)).toEqual([]);
    const machineDates = emails.filter((e) => /\d{4}-\d{2}-\d{2}|\bUTC\b/.test(`${e.subject}\n${e.body.text}\n${e.body.html}`));
    expect(machineDates.map((e) => e.subject)).toEqual([]);
    expect(await htmlErrors(emails.map((e, i) => ({ name: `${i + 1} "${e.subject}"`, html: e.body.html ?? '' })))).toEqual([]);
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
    expect(ledger.at(-1)).toContain(`,${((15_000_017 + 67_500_000 - 7_300_049 + 100_001) / 100).toFixed(2)},`);
    // The county's milestones, one row each, and its calendar: a VEVENT per milestone among its reports and tender dates.
    const milestones = parse(readFileSync(join(out, 'milestones.csv'), 'utf8'), { columns: true }) as { status: string }[];
    expect(milestones.map((m) => m.status).sort()).toEqual(['met', 'met', 'notMet', 'partiallyMet', 'scheduled', 'scheduled']);
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(join(out, 'council.ics'), 'utf8')));
    const uids = calendar.getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('uid')));
    expect(uids.filter((u) => u.startsWith('milestone-'))).toHaveLength(6);
    expect(uids.some((u) => u.startsWith('tender-'))).toBe(true);
  }, 320_000);
});
