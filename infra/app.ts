import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { names } from '../shared/platform/catalog';
import { checkOcidPrefix } from '../shared/tenders/ocds';
import { GrantloopStack } from './stack';

const app = new App();

const context = (key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value !== '' ? value : undefined;
};

new GrantloopStack(app, names.stack, {
  senderEmail: context('senderEmail') ?? 'noreply@grantloop.example.org',
  appUrl: context('appUrl'),
  logLevel: context('logLevel'),
  ocidPrefix: checkOcidPrefix(context('ocidPrefix') ?? 'ocds-grloop'),
  // Environment-agnostic on purpose: no lookups, so the template is the same wherever it is synthesized.
  description: 'grantloop: pooled funding for consortia of funders',
});

// Any unacknowledged AwsSolutions finding fails synthesis (cdk-nag 3 is a validation plugin).
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

app.synth();
