import { Template } from 'aws-cdk-lib/assertions';
import { inject } from 'vitest';
import { mergedTemplate } from '../../infra/assembly-template';
import { names } from '../../shared/platform/catalog';
import { templateReader } from './template';

/** The stack as synthesized once by test/support/synth-once.ts. */
export function synthesized() {
  const directory = inject('assemblyDir');
  const templateFile = `${names.stack}.template.json`;
  // The features' nested stacks inlined: every check reads the stack as one template.
  const template = Template.fromJSON(mergedTemplate(directory, templateFile));
  return { directory, templateFile, template, t: templateReader(template) };
}
