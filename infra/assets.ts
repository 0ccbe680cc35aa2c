import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as sass from 'sass';
import { cachedText, hashOf } from './local/start-cache';

/**
 * The staff pages' static files, built from source at synth (CDK uploads the folder to S3
 * behind CloudFront) and at `npm start` (the local HTTP adapter serves it under /assets).
 * Nothing is compiled at run time on Lambda.
 */
export function buildAssets(repoRoot: string, outDir: string): string {
  const css = compileCss(repoRoot);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'grantloop.css'), css);
  writeFileSync(join(outDir, 'favicon.svg'), favicon);
  return outDir;
}

const compile = (repoRoot: string) =>
  sass.compile(join(repoRoot, 'functions/lib/web/grantloop.scss'), {
    loadPaths: [join(repoRoot, 'node_modules')],
    style: 'compressed',
    quietDeps: true,
  }).css;

/**
 * The CSS, compiled once per change: its inputs are our Sass files and the versions of
 * govuk-frontend and sass (the local runtime starts many times a test run; a compile costs
 * about two seconds of CPU). Synth compiles afresh.
 */
function compileCss(repoRoot: string): string {
  const web = join(repoRoot, 'functions/lib/web');
  const ours = readdirSync(web)
    .filter((f) => f.endsWith('.scss'))
    .sort()
    .map((f) => f + readFileSync(join(web, f), 'utf8'));
  const version = (pkg: string) => readFileSync(join(repoRoot, 'node_modules', pkg, 'package.json'), 'utf8');
  return cachedText('css', hashOf(...ours, version('govuk-frontend'), version('sass')), () => compile(repoRoot));
}

/** A plain mark in grantloop's teal: no crown, nothing borrowed from GOV.UK. */
const favicon =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#005a5b"/><path d="M9 16a7 7 0 1 0 14 0h-6" fill="none" stroke="#fff" stroke-width="3"/></svg>';
