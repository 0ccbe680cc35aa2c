import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { names, rules, scheduleTargets, streamFilter, workflows } from '../../infra/catalog';
import { repoRoot } from '../../infra/stack';
import { synthesized } from '../support/assembly';
import { asArray, type Json, joinedString, substitute, walkStrings } from '../support/template';

const { template, t } = synthesized();

describe('workflows', () => {
  it.each(workflows)('$id is a STANDARD state machine running the ASL file with each placeholder bound to its function', (wf) => {
    const machines = t
      .ofType('AWS::StepFunctions::StateMachine')
      .filter(([, m]) => m.Properties.StateMachineName === names.stateMachineName(wf.id));
    expect(machines).toHaveLength(1);
    const [, machine] = machines[0]!;
    const p = machine.Properties;
    expect(p.StateMachineType).toBe('STANDARD');
    expect(p.TracingConfiguration).toEqual({ Enabled: true });
    expect(p.LoggingConfiguration).toMatchObject({ Level: 'ALL', IncludeExecutionData: true });

    const asl = JSON.parse(readFileSync(join(repoRoot, wf.file), 'utf8'));
    const definition = JSON.parse(joinedString(p.DefinitionString));
    expect(definition).toEqual(asl);

    const placeholders = new Set<string>();
    walkStrings(asl, (s) => {
      for (const m of s.matchAll(/\$\{([^}]+)\}/g)) placeholders.add(m[1]!);
    });
    expect(Object.keys(p.DefinitionSubstitutions).sort()).toEqual([...placeholders].sort());
    expect(Object.keys(wf.substitutions).sort()).toEqual([...placeholders].sort());

    // What Step Functions will run: placeholders replaced by CloudFormation at deploy time.
    const deployed = substitute(definition, p.DefinitionSubstitutions) as Json;
    const bindings = Object.fromEntries(Object.entries(wf.substitutions).map(([name, fnId]) => [name, t.fnArn(fnId)]));
    const expected = substitute(asl, bindings) as Json;
    expect(deployed.States).toEqual(expected.States);
    expect(JSON.stringify(deployed)).not.toContain('${');

    const invoke = t.statementsOfRole(p.RoleArn['Fn::GetAtt'][0]).filter((s) => asArray(s.Action).includes('lambda:InvokeFunction'));
    expect(
      invoke
        .flatMap((s) => asArray(s.Resource))
        .map((r) => JSON.stringify(r))
        .sort(),
    ).toEqual([...new Set(Object.values(wf.substitutions))].map((fnId) => JSON.stringify(t.fnArn(fnId))).sort());
  });
});

describe('events', () => {
  it('routes the table stream to eventRouter through the shared filter', () => {
    const [tableId] = t.ofType('AWS::DynamoDB::Table')[0]!;
    const mappings = t.ofType('AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(1);
    const p = mappings[0]![1].Properties;
    expect(p.EventSourceArn).toEqual({ 'Fn::GetAtt': [tableId, 'StreamArn'] });
    expect(p.FunctionName).toEqual({ Ref: t.functionLogicalId('eventRouter') });
    expect(p.FilterCriteria).toEqual({ Filters: [{ Pattern: JSON.stringify(streamFilter) }] });
    expect(p).toMatchObject({
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 100,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
    });
    const dlq = p.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0];
    expect(t.resources[dlq]!.Type).toBe('AWS::SQS::Queue');
  });

  it('has the named event bus and one rule per catalog rule, each with a dead-letter queue', () => {
    const buses = t.ofType('AWS::Events::EventBus');
    expect(buses).toHaveLength(1);
    const [busId, bus] = buses[0]!;
    expect(bus.Properties.Name).toBe(names.eventBus);

    const eventRules = t.ofType('AWS::Events::Rule');
    expect(eventRules).toHaveLength(rules.length);
    for (const rule of rules) {
      // Several rules may listen for the same event; each is known by its target.
      const found = eventRules.find(([, r]) => JSON.stringify(r.Properties.Targets?.[0]?.Arn) === JSON.stringify(t.fnArn(rule.fn)));
      expect(found, rule.id).toBeDefined();
      const p = found![1].Properties;
      expect(p.EventBusName).toEqual({ Ref: busId });
      expect(p.EventPattern).toEqual({ source: ['grantloop'], 'detail-type': rule.detailTypes });
      expect(p.Targets).toHaveLength(1);
      expect(p.Targets[0].Arn).toEqual(t.fnArn(rule.fn));
      expect(p.Targets[0].DeadLetterConfig.Arn['Fn::GetAtt'][1]).toBe('Arn');
      expect(p.Targets[0].RetryPolicy.MaximumRetryAttempts).toBeGreaterThan(0);
    }
  });
});

describe('scheduler', () => {
  it('has the schedule group and a role that may invoke only the schedule targets in the catalog', () => {
    template.resourceCountIs('AWS::Scheduler::ScheduleGroup', 1);
    template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: names.scheduleGroup });

    const roles = t
      .ofType('AWS::IAM::Role')
      .filter(([, r]) =>
        r.Properties.AssumeRolePolicyDocument.Statement.some((s: Json) => s.Principal?.Service === 'scheduler.amazonaws.com'),
      );
    expect(roles).toHaveLength(1);
    const statements = t.statementsOfRole(roles[0]![0]);
    const targets = scheduleTargets()
      .map((fnId) => JSON.stringify(t.fnArn(fnId)))
      .sort();
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({ Effect: 'Allow', Action: 'lambda:InvokeFunction' });
    expect(
      asArray<unknown>(statements[0]?.Resource)
        .map((r) => JSON.stringify(r))
        .sort(),
    ).toEqual(targets);
  });
});
