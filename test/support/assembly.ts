import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { inject } from 'vitest';
import { names } from '../../shared/platform/catalog';
import { templateReader } from './template';

/** The stack as synthesized once by test/support/synth-once.ts. */
export function synthesized() {
  const directory = inject('assemblyDir');
  const templateFile = `${names.stack}.template.json`;
  const template = Template.fromJSON(JSON.parse(readFileSync(join(directory, templateFile), 'utf8')));
  return { directory, templateFile, template, t: templateReader(template) };
}
