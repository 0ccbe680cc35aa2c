import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './stack';

/** Every .ts/.tsx file under a folder of the repository, as repository-relative paths. */
export const sources = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [join(dir, d.name)] : [],
  );

/** A file's code without its comments (a `//` right after a colon or a quote, as in a URL, is kept). */
export const codeOf = (file: string) =>
  readFileSync(join(root, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
