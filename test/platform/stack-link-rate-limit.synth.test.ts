import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { awsCatalog } from '../../infra/catalog';
import { wafEnabled } from '../../infra/constructs/link-rate-limit';
import { linkPathPrefixes, linkRateLimit, tooManyRequests } from '../../infra/link-rate-limit';
import { GrantloopStack, repoRoot } from '../../infra/stack';
import { names } from '../../shared/platform/catalog';
import { synthesized } from '../support/assembly';
import { senderEmail } from '../support/synth-once';
import type { Json } from '../support/template';

const { directory, t } = synthesized();
const wafStack = `${names.stack}Waf`;
const read = (dir: string, file: string): Json => JSON.parse(readFileSync(join(dir, file), 'utf8'));
const waf = read(directory, `${wafStack}.template.json`);
const webAcls = Object.entries<Json>(waf.Resources).filter(([, r]) => r.Type === 'AWS::WAFv2::WebACL');
const [webAclId, webAcl] = (webAcls[0] ?? ['', {}]) as [string, Json];
const rule = webAcl.Properties?.Rules[0];

/** The scope-down statement's search strings: one ByteMatch, or an OR of them. */
const searchStrings = (statement: Json): string[] =>
  statement.OrStatement ? statement.OrStatement.Statements.flatMap(searchStrings) : [statement.ByteMatchStatement.SearchString];

describe('WAF on the CloudFront distribution: a rate limit per client address on the emailed links', () => {
  it('is one CLOUDFRONT web ACL in its own stack pinned to us-east-1; the main stack stays region-agnostic and deploys after it', () => {
    expect(webAcls).toHaveLength(1);
    expect(webAcl.Properties.Scope).toBe('CLOUDFRONT');
    expect(webAcl.Properties.DefaultAction).toEqual({ Allow: {} });
    const manifest = read(directory, 'manifest.json');
    expect(manifest.artifacts[wafStack].environment).toBe('aws://unknown-account/us-east-1');
    expect(manifest.artifacts[names.stack].environment).toBe('aws://unknown-account/unknown-region');
    expect(manifest.artifacts[names.stack].dependencies).toContain(wafStack);
  });

  it('limits each client address to the shared numbers, and answers 429 with Retry-After and the link pages’ style', () => {
    expect(webAcl.Properties.Rules).toHaveLength(1);
    expect(rule.Statement.RateBasedStatement).toMatchObject({
      Limit: linkRateLimit.limit,
      EvaluationWindowSec: linkRateLimit.windowSeconds,
      AggregateKeyType: 'IP',
    });
    const response = rule.Action.Block.CustomResponse;
    expect(response.ResponseCode).toBe(429);
    expect(response.ResponseHeaders).toContainEqual({ Name: 'retry-after', Value: String(linkRateLimit.windowSeconds) });
    const body = webAcl.Properties.CustomResponseBodies[response.CustomResponseBodyKey];
    expect(body).toEqual({ ContentType: 'TEXT_HTML', Content: tooManyRequests.html });
    // WAF's limit on one custom response body.
    expect(Buffer.byteLength(body.Content)).toBeLessThanOrEqual(4096);
  });

  it('counts exactly the link paths: every public token route’s prefix, and no other route under them', () => {
    const prefixes = linkPathPrefixes(awsCatalog.routes);
    expect(prefixes).toEqual(['/b/', '/cal/', '/m/', '/r/']);
    const scopeDown = rule.Statement.RateBasedStatement.ScopeDownStatement;
    expect(searchStrings(scopeDown).sort()).toEqual(prefixes);
    for (const s of scopeDown.OrStatement.Statements)
      expect(s.ByteMatchStatement).toMatchObject({ FieldToMatch: { UriPath: {} }, PositionalConstraint: 'STARTS_WITH' });
    // A staff route or page under a link prefix would be limited as if it were a link.
    const under = awsCatalog.routes.filter((r) => prefixes.some((p) => r.path.startsWith(p)));
    for (const r of under)
      expect(r, `${r.method} ${r.path}`).toMatchObject({ auth: 'public', path: expect.stringMatching(/\/\{token\}$/) });
  });

  it('is attached to the distribution, which reads its ARN from the us-east-1 stack at deploy time', () => {
    const [, distribution] = t.ofType('AWS::CloudFront::Distribution')[0] as [string, Json];
    expect(distribution.Properties.DistributionConfig.WebACLId).toEqual({
      'Fn::GetStackOutput': { StackName: wafStack, OutputName: 'WebAclArn', Region: 'us-east-1' },
    });
    expect(waf.Outputs.WebAclArn.Value).toEqual({ 'Fn::GetAtt': [webAclId, 'Arn'] });
  });

  const cfnLint = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
  it.skipIf(cfnLint.error !== undefined || cfnLint.status !== 0)('the web ACL’s template passes cfn-lint', () => {
    const run = spawnSync('cfn-lint', [join(directory, `${wafStack}.template.json`)], { encoding: 'utf8' });
    // Exit status is a bit mask: 1 = cfn-lint failed, 2 = error.
    expect((run.status ?? 1) & 0b11, `${run.stdout}${run.stderr}`).toBe(0);
  });
});

describe('with WAF turned off (-c waf=false)', () => {
  it('has no web ACL, no us-east-1 stack and no WebACLId, and cdk-nag is still satisfied', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'grantloop-nowaf-'));
    try {
      const cdkJson = read(repoRoot, 'cdk.json');
      // Bundling skipped: only the template matters here, and bundling is a good part of a synth's time.
      const app = new App({ outdir, context: { ...cdkJson.context, waf: 'false', 'aws:cdk:bundling-stacks': [] } });
      new GrantloopStack(app, names.stack, { senderEmail, ocidPrefix: 'ocds-grloop' });
      Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
      const assembly = app.synth();
      expect(assembly.stacks.map((s) => s.stackName)).toEqual([names.stack]);
      const template = read(outdir, `${names.stack}.template.json`);
      const types = Object.values<Json>(template.Resources).map((r) => r.Type);
      expect(types).not.toContain('AWS::WAFv2::WebACL');
      const distribution = Object.values<Json>(template.Resources).find((r) => r.Type === 'AWS::CloudFront::Distribution');
      expect(distribution?.Properties.DistributionConfig.WebACLId).toBeUndefined();
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  it('refuses a value that is neither true nor false', () => {
    expect(wafEnabled(new App())).toBe(true);
    expect(wafEnabled(new App({ context: { waf: false } }))).toBe(false);
    expect(() => wafEnabled(new App({ context: { waf: 'off' } }))).toThrow(/"waf" must be true or false/);
  });
});
