import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { TestProject } from 'vitest/node';
import { GrantloopStack, repoRoot } from '../../infra/stack';
import { names } from '../../shared/platform/catalog';

export const senderEmail = 'noreply@grantloop.example.org';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The cloud assembly of one real synth (every function bundled), shared by the *.synth.test.ts files. */
    assemblyDir: string;
  }
}

/**
 * The synth project's global setup: one synth with real bundling (about half a minute on two
 * cores, every function bundled in one esbuild pass) for all the stack tests, run only when a
 * *.synth.test.ts file is queued. It throws on any unacknowledged cdk-nag finding, which fails
 * the run with the finding named.
 */
export default function setup(project: TestProject) {
  const outdir = mkdtempSync(join(tmpdir(), 'grantloop-cdk-'));
  const cdkJson = JSON.parse(readFileSync(join(repoRoot, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  const app = new App({ outdir, context: { ...cdkJson.context, senderEmail } });
  new GrantloopStack(app, names.stack, { senderEmail, ocidPrefix: 'ocds-grloop' });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  app.synth();
  project.provide('assemblyDir', outdir);
  return () => rmSync(outdir, { recursive: true, force: true });
}
