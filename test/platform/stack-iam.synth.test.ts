import { describe, expect, it } from 'vitest';
import { awsCatalog as catalog, names } from '../../infra/catalog';
import { synthesized } from '../support/assembly';
import { senderEmail } from '../support/synth-once';
import { allowedOnAnyResource, asArray, type Json } from '../support/template';

const { template, t } = synthesized();

const deploymentHandler = 'CustomCDKBucketDeployment';

describe('IAM', () => {
  it('grants nothing on Resource "*" except actions that IAM cannot scope', () => {
    for (const { id, roles, statements } of t.allPolicies()) {
      for (const statement of statements) {
        if (!asArray(statement.Resource).includes('*')) continue;
        for (const action of asArray<string>(statement.Action)) {
          expect(allowedOnAnyResource, `${id}: ${action} on "*"`).toHaveProperty([action]);
        }
        if (asArray<string>(statement.Action).includes('dynamodb:ListStreams')) {
          expect(roles, 'only the stream router lists streams').toEqual([{ Ref: t.roleOfFunction('eventRouter') }]);
        }
      }
    }
  });

  it("lets CDK's asset-deployment handler touch only the CDK assets bucket and the pages' assets bucket", () => {
    const [bucketId] = t.ofType('AWS::S3::Bucket')[0]!;
    const policies = t.allPolicies().filter((p) => p.id.startsWith(deploymentHandler));
    expect(policies).toHaveLength(1);
    for (const statement of policies[0]!.statements) {
      expect(asArray<string>(statement.Action).every((a) => a.startsWith('s3:') || a.startsWith('logs:'))).toBe(true);
      for (const resource of asArray<unknown>(statement.Resource)) {
        const text = JSON.stringify(resource);
        expect(text.includes('cdk-hnb659fds-assets-') || text.includes(bucketId), text).toBe(true);
      }
    }
  });

  it('has no wildcard actions, and no partial-wildcard resource except the reminder schedule group', () => {
    const partial: { roles: unknown; action: unknown; resource: unknown }[] = [];
    // CDK's asset-deployment handler (deploy time only) is checked on its own below.
    for (const { id, roles, statements } of t.allPolicies().filter((p) => !p.id.startsWith(deploymentHandler))) {
      for (const statement of statements) {
        for (const action of asArray<string>(statement.Action)) expect(action, id).not.toContain('*');
        for (const resource of asArray<unknown>(statement.Resource)) {
          if (resource !== '*' && JSON.stringify(resource).includes('*')) partial.push({ roles, action: statement.Action, resource });
        }
      }
    }
    // Schedule names are chosen at run time, so only the group can be named: one such grant for
    // each function that creates schedules, and nothing else.
    const schedulers = Object.entries(catalog.functions)
      .filter(([, spec]) => spec.needs.some((n) => typeof n === 'object' && 'schedules' in n))
      .map(([fnId]) => fnId);
    expect(partial).toEqual(
      schedulers.map((fnId) => ({
        roles: [{ Ref: t.roleOfFunction(fnId) }],
        action: 'scheduler:CreateSchedule',
        resource: {
          'Fn::Join': [
            '',
            [
              'arn:',
              { Ref: 'AWS::Partition' },
              ':scheduler:',
              { Ref: 'AWS::Region' },
              ':',
              { Ref: 'AWS::AccountId' },
              `:schedule/${names.scheduleGroup}/*`,
            ],
          ],
        },
      })),
    );
  });

  it('reads and writes only the table and its named indexes', () => {
    const [tableId] = t.ofType('AWS::DynamoDB::Table')[0]!;
    const tableArn = { 'Fn::GetAtt': [tableId, 'Arn'] };
    for (const [fnId, spec] of Object.entries(catalog.functions) as [string, Json][]) {
      const statements = t
        .statementsOfRole(t.roleOfFunction(fnId))
        .filter((s) => asArray<string>(s.Action).some((a) => a.startsWith('dynamodb:') && a !== 'dynamodb:ListStreams'));
      const actions = statements.flatMap((s) => asArray<string>(s.Action));
      expect(actions.includes('dynamodb:Query'), `${fnId} reads`).toBe(spec.needs.includes('table-read'));
      expect(actions.includes('dynamodb:PutItem'), `${fnId} writes`).toBe(spec.needs.includes('table-write'));
      for (const s of statements) {
        if (
          asArray<string>(s.Action).some((a) => ['dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:DescribeStream'].includes(a))
        )
          continue;
        const resources = asArray<Json>(s.Resource);
        expect(resources, fnId).toContainEqual(tableArn);
        // Besides the table itself, only its named indexes.
        for (const r of resources.filter((x) => JSON.stringify(x) !== JSON.stringify(tableArn))) {
          expect(r, fnId).toEqual({ 'Fn::Join': ['', [tableArn, expect.stringMatching(/^\/index\/gsi[12]$/)]] });
        }
      }
    }
  });
});

describe('mail and outputs', () => {
  it('has an SES configuration set with reputation metrics', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSet', { ReputationOptions: { ReputationMetricsEnabled: true } });
  });

  it('lets mail functions send only as the sender (address or domain) through the configuration set', () => {
    const domain = senderEmail.split('@')[1]!;
    for (const [fnId, spec] of Object.entries(catalog.functions) as [string, Json][]) {
      const ses = t.statementsOfRole(t.roleOfFunction(fnId)).filter((s) => asArray(s.Action).includes('ses:SendEmail'));
      expect(ses.length > 0, fnId).toBe(spec.needs.includes('mail'));
      for (const s of ses) {
        const text = JSON.stringify(s.Resource);
        expect(text).toContain(`:identity/${senderEmail}`);
        expect(text).toContain(`:identity/${domain}`);
        expect(text).toContain(':configuration-set/');
        expect(text).not.toContain('*');
      }
    }
  });

  it('exports the values a client and an operator need', () => {
    expect(Object.keys(template.toJSON().Outputs).sort()).toEqual(
      expect.arrayContaining(['ApiUrl', 'EventBusName', 'TableName', 'UserPoolClientId', 'UserPoolId']),
    );
  });
});
