import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import validator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import { functions, workflows } from '../../infra/catalog';
import { functionArn } from '../../infra/local/lambdas';
import { loadDefinition } from '../../infra/local/step-functions';
import { root } from '../support/stack';

const files = readdirSync(join(root, 'workflows')).filter((f) => f.endsWith('.asl.json'));

describe('ASL files', () => {
  it('every file is declared in the catalog, so both targets deploy it', () => {
    expect(files.sort()).toEqual(workflows.map((w) => w.file.replace('workflows/', '')).sort());
  });

  it.each(workflows)('$file passes asl-validator after substitution, and every placeholder has a function', (spec) => {
    const definition = loadDefinition(root, spec, functionArn);
    const result = validator(definition);
    expect(result.errors).toEqual([]);
    expect(result.isValid).toBe(true);
    for (const fn of Object.values(spec.substitutions)) expect(Object.keys(functions)).toContain(fn);
  });

  it.each(workflows)('$file: every callback task has a timeout and a Catch for it; every Lambda task retries transient errors', (spec) => {
    const definition = JSON.parse(readFileSync(join(root, spec.file), 'utf8')) as { States: Record<string, Record<string, unknown>> };
    for (const [name, state] of Object.entries(definition.States)) {
      if (state.Type !== 'Task') continue;
      const retries = (state.Retry as { ErrorEquals: string[] }[] | undefined) ?? [];
      const transient = retries.flatMap((r) => r.ErrorEquals);
      expect(transient, name).toContain('Lambda.ServiceException');
      // A DynamoDB throttle that outlasts the SDK's own attempts is as transient as a Lambda one.
      for (const e of ['ThrottlingException', 'ProvisionedThroughputExceededException']) expect(transient, name).toContain(e);
      expect(Number(state.TimeoutSeconds ?? 0) > 0 || typeof state.TimeoutSecondsPath === 'string', name).toBe(true);
      expect(state.Catch, name).toBeDefined();
      if (String(state.Resource).endsWith('.waitForTaskToken')) {
        const catches = (state.Catch as { ErrorEquals: string[] }[]).flatMap((c) => c.ErrorEquals);
        expect(catches, name).toContain('States.Timeout');
      }
    }
  });

  // Their tasks move pool money through the pool's sequence; a burst (tranche payments at 09:00)
  // can outlast a task's own attempts, and a later try succeeds, so the workflow waits it out.
  const movesPoolMoney = ['grants-tranches', 'pools-allocation-round', 'tenders-joint-tender'];
  it.each(workflows.filter((w) => movesPoolMoney.some((m) => w.file.includes(m))))(
    '$file: every Lambda task retries a busy pool (PoolBusyError) with backoff',
    (spec) => {
      const definition = JSON.parse(readFileSync(join(root, spec.file), 'utf8')) as { States: Record<string, Record<string, unknown>> };
      const lambdaTasks = Object.entries(definition.States).filter(([, s]) => String(s.Resource).includes(':::lambda:invoke'));
      expect(lambdaTasks.length).toBeGreaterThan(0);
      for (const [name, state] of lambdaTasks) {
        const retry = (state.Retry as { ErrorEquals: string[]; MaxAttempts: number; BackoffRate: number }[]).find((r) =>
          r.ErrorEquals.includes('PoolBusyError'),
        );
        expect(retry, name).toMatchObject({ MaxAttempts: expect.any(Number), BackoffRate: expect.any(Number) });
        expect(retry?.MaxAttempts ?? 0, name).toBeGreaterThanOrEqual(2);
      }
    },
  );
});
