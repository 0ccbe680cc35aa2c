import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, NestedStack, Stack, Validations } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { bundleLimits, bundlePath, bundleSizes, median } from '../../infra/bundle-sizes';
import { awsCatalog as catalog } from '../../infra/catalog';
import { synthesized } from '../support/assembly';
import type { Json } from '../support/template';

const { directory, templateFile } = synthesized();

describe('cdk-nag (AwsSolutions)', () => {
  it('synthesizes with zero unacknowledged findings', () => {
    const report = JSON.parse(readFileSync(join(directory, 'validation-report.json'), 'utf8'));
    const violations = report.pluginReports.flatMap((r: Json) => r.violations ?? r.conclusion?.violations ?? []);
    expect(violations).toEqual([]);
  });

  it('really runs: an unacknowledged finding fails synthesis', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'grantloop-nag-'));
    const app = new App({ outdir });
    // In a nested stack, as the features' resources are.
    new Queue(new NestedStack(new Stack(app, 'Probe'), 'Feature'), 'PlainQueue');
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS4/);
    rmSync(outdir, { recursive: true, force: true });
  });
});

describe('CloudFormation limits', () => {
  it('keeps the stack and each feature’s nested stack well under 500 resources (one nested stack per feature)', () => {
    const templates = [templateFile, ...readdirSync(directory).filter((f) => f.endsWith('.nested.template.json'))];
    const counts = templates.map((f) => [f, Object.keys(JSON.parse(readFileSync(join(directory, f), 'utf8')).Resources).length] as const);
    expect(counts.length).toBe(new Set(Object.values(catalog.functions).map((f) => f.feature)).size + 1);
    // 300 leaves 200 of CloudFormation's 500 to grow into; tenders is the largest (263 with issue 25's pages and followers).
    for (const [file, count] of counts) expect(count, file).toBeLessThanOrEqual(300);
  });
});

describe('bundles', () => {
  it('every function bundles only what it uses: each at most 430 KB minified, the median at most 320 KB', () => {
    const sizes = bundleSizes(directory, templateFile);
    expect(sizes).toHaveLength(Object.keys(catalog.functions).length);
    const over = sizes.filter((s) => s.bytes > bundleLimits.maxBytes);
    expect(over, 'bundles over the limit').toEqual([]);
    expect(median(sizes)).toBeLessThanOrEqual(bundleLimits.medianBytes);
  });

  it('a bundle runs on its own: credentials come from the environment only, and the Lambda context reaches the logs', () => {
    const bundle = bundlePath(directory, templateFile, 'grantloop-health');
    const script = `const { handler } = await import(${JSON.stringify(bundle)});
      const out = await handler({ rawPath: '/health', requestContext: { http: { method: 'GET' } } }, { functionName: 'grantloop-health', awsRequestId: 'r1', getRemainingTimeInMillis: () => 20_000 });
      console.log(JSON.stringify(out));`;
    // Nothing listens on port 9: the call fails only after credentials were found and the request
    // signed, and after aws-lite's retries of a refused connection (up to about 1.5 s): the
    // invocation's remaining time leaves room for them, or middy's early timeout would answer first.
    const base = {
      PATH: process.env.PATH,
      AWS_REGION: 'eu-west-2',
      TABLE_NAME: 't',
      AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:9',
    };
    const run = (env: Record<string, string | undefined>) => {
      const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8', timeout: 30_000 });
      return `${out.stdout}${out.stderr}`;
    };
    const withKeys = run({ ...base, AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret' });
    expect(withKeys).toContain('"statusCode":500');
    expect(withKeys).toContain('ECONNREFUSED 127.0.0.1:9');
    expect(withKeys).toContain('"function_name":"grantloop-health"');
    // No keys in the environment: the bundle does not go looking in files or instance metadata.
    const withoutKeys = run({ ...base, HOME: '/nonexistent' });
    expect(withoutKeys).toContain('AWS credentials are not in the environment');
    expect(withoutKeys).not.toMatch(/IMDS|via ECS|\.aws\/credentials/);
  });
});

const cfnLint = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
const cfnLintMissing = cfnLint.error !== undefined || cfnLint.status !== 0;
if (cfnLintMissing) console.warn('cfn-lint is not on PATH: the cfn-lint test is skipped');

describe('cfn-lint', () => {
  it.skipIf(cfnLintMissing)(cfnLintMissing ? 'skipped: cfn-lint is not on PATH' : 'finds no errors in the synthesized template', () => {
    // The stack and every feature's nested stack.
    const templates = [templateFile, ...readdirSync(directory).filter((f) => f.endsWith('.nested.template.json'))].map((f) =>
      join(directory, f),
    );
    expect(templates.length).toBeGreaterThan(5);
    const run = spawnSync('cfn-lint', [...templates, '--ignore-checks', 'W3005'], { encoding: 'utf8' });
    const output = `${run.stdout}${run.stderr}`;
    // Exit status is a bit mask: 1 = cfn-lint failed, 2 = error, 4 = warning, 8 = informational.
    if (run.status === null || (run.status & 0b11) !== 0) console.error(output);
    expect(run.status, output).not.toBeNull();
    expect((run.status ?? 1) & 0b11, output).toBe(0);
  });
});
