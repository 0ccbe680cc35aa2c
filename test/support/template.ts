import type { Template } from 'aws-cdk-lib/assertions';
import { names } from '../../shared/platform/catalog';

// biome-ignore lint/suspicious/noExplicitAny: template JSON is walked freely; the assertions are what check its shape.
export type Json = Record<string, any>;

/**
 * Actions that may be granted on Resource "*", each with the reason. All of them are actions
 * IAM cannot scope to a resource; anything else on "*" fails the test.
 */
export const allowedOnAnyResource: Record<string, string> = {
  'xray:PutTraceSegments': 'X-Ray has no resource-level permissions (Lambda and Step Functions active tracing)',
  'xray:PutTelemetryRecords': 'X-Ray has no resource-level permissions (active tracing)',
  'xray:GetSamplingRules': 'X-Ray has no resource-level permissions (Step Functions tracing)',
  'xray:GetSamplingTargets': 'X-Ray has no resource-level permissions (Step Functions tracing)',
  'logs:CreateLogDelivery': 'Step Functions vended log delivery; CloudWatch Logs requires "*"',
  'logs:GetLogDelivery': 'Step Functions vended log delivery',
  'logs:UpdateLogDelivery': 'Step Functions vended log delivery',
  'logs:DeleteLogDelivery': 'Step Functions vended log delivery',
  'logs:ListLogDeliveries': 'Step Functions vended log delivery',
  'logs:PutResourcePolicy': 'Step Functions vended log delivery',
  'logs:DescribeResourcePolicies': 'Step Functions vended log delivery',
  'logs:DescribeLogGroups': 'Step Functions vended log delivery',
  'dynamodb:ListStreams': 'no resource-level permissions; the stream event source mapping of eventRouter needs it',
  'secretsmanager:GetRandomPassword': "takes no resource; CDK's rotation schedule grants it to the front door's rotation function",
};

export const asArray = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

/** Reads a synthesized template the way the stack tests need: by type, by function, by role. */
export function templateReader(template: Template) {
  const resources: Record<string, Json> = template.toJSON().Resources;
  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  /** Logical id of each catalog function, found by its physical name. */
  function functionLogicalId(fnId: string): string {
    const found = ofType('AWS::Lambda::Function').find(([, r]) => r.Properties.FunctionName === names.functionName(fnId));
    if (!found) throw new Error(`no Lambda named ${names.functionName(fnId)}`);
    return found[0];
  }
  const fnArn = (fnId: string) => ({ 'Fn::GetAtt': [functionLogicalId(fnId), 'Arn'] });
  /** Every policy document attached to a role (inline policies and AWS::IAM::Policy). */
  function statementsOfRole(roleLogicalId: string): Json[] {
    const role = resources[roleLogicalId];
    const inline = (role?.Properties.Policies ?? []).flatMap((p: Json) => p.PolicyDocument.Statement);
    const attached = ofType('AWS::IAM::Policy')
      .filter(([, p]) => p.Properties.Roles.some((r: Json) => r.Ref === roleLogicalId))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
    return [...inline, ...attached];
  }
  /** Every identity policy in the template with the roles it applies to. */
  function allPolicies(): { id: string; roles: Json[]; statements: Json[] }[] {
    const attached = ofType('AWS::IAM::Policy').map(([id, p]) => ({
      id,
      roles: p.Properties.Roles as Json[],
      statements: p.Properties.PolicyDocument.Statement as Json[],
    }));
    const inline = ofType('AWS::IAM::Role').flatMap(([id, r]) =>
      (r.Properties.Policies ?? []).map((p: Json) => ({
        id: `${id}/${p.PolicyName}`,
        roles: [{ Ref: id }],
        statements: p.PolicyDocument.Statement,
      })),
    );
    return [...attached, ...inline];
  }
  const roleOfFunction = (fnId: string): string => resources[functionLogicalId(fnId)]!.Properties.Role['Fn::GetAtt'][0];
  return { resources, ofType, functionLogicalId, fnArn, statementsOfRole, allPolicies, roleOfFunction };
}

export function walkStrings(value: unknown, visit: (s: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) for (const v of value) walkStrings(v, visit);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) walkStrings(v, visit);
}

/** Replaces string values that are exactly `${Name}` with the bound value (as CloudFormation will). */
export function substitute(value: unknown, bindings: Record<string, unknown>): unknown {
  if (typeof value === 'string') {
    const m = /^\$\{([^}]+)\}$/.exec(value);
    return m && m[1]! in bindings ? bindings[m[1]!] : value;
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, bindings));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, bindings)]));
  return value;
}

/** DefinitionString is a plain string, or a Fn::Join of plain strings when CDK inlines tokens. */
export function joinedString(value: unknown): string {
  if (typeof value === 'string') return value;
  const join = (value as Json)?.['Fn::Join'];
  if (join?.[1].every((part: unknown) => typeof part === 'string')) return join[1].join(join[0]);
  throw new Error(`DefinitionString holds references: ${JSON.stringify(value).slice(0, 200)}`);
}
