import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../support/stack';

describe('npx grantloop demo --json', () => {
  it('runs the scenario on a fresh stack and prints one JSON object with figures measured from the engines', () => {
    const out = mkdtempSync(join(tmpdir(), 'grantloop-demo-out-'));
    const run = spawnSync(process.execPath, [join(root, 'bin', 'grantloop.mjs'), 'demo', '--json', '--out', out], {
      cwd: root,
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const summary = JSON.parse(lines[0] as string);
    expect(summary).toMatchObject({ ok: true, organisations: 6, consortia: 3, consortiaByStatus: { active: 2, lapsed: 1 } });
    expect(summary.checks.failed).toEqual([]);
    // 6+3+2 invitations, 6+3 activation notices, 2 lapse notices, 2 reminders.
    expect(summary.emailsSent).toBe(24);
    expect(summary.events).toBeGreaterThan(0);
    for (const key of ['dynamodbReadUnits', 'dynamodbWriteUnits', 'stateTransitions', 'lambdaInvocations', 'schedulesFired']) {
      expect(summary.usage[key], key).toBeGreaterThan(0);
    }
    // Three invitations workflows of four states each; three reminder schedules, one per consortium.
    expect(summary.usage.stateTransitions).toBe(12);
    expect(summary.usage.schedulesFired).toBe(3);
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
    const emails = JSON.parse(readFileSync(join(out, 'emails.json'), 'utf8')) as unknown[];
    expect(emails).toHaveLength(summary.emailsSent);
  });
});
