import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

interface VnuMessage {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/**
 * The W3C Nu HTML Checker (npm `vnu-jar`, on Java) over many documents in one run, so the JVM
 * starts once: each error as "<name>:<line> <message> (<extract>)". A control document without
 * its title goes in the same run and must be reported, so a checker that checks nothing (or
 * whose report format changed) fails rather than passes.
 */
export async function htmlErrors(docs: { name: string; html: string }[]): Promise<string[]> {
  const jar = String(createRequire(import.meta.url)('vnu-jar'));
  const dir = mkdtempSync(join(tmpdir(), 'grantloop-vnu-'));
  try {
    const files = docs.map((d, i) => {
      const file = join(dir, `doc-${i}.html`);
      writeFileSync(file, d.html);
      return file;
    });
    const control = join(dir, 'control.html');
    writeFileSync(control, '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"></head><body><p>No title.</p></body></html>\n');
    // vnu exits 1 when it finds errors; the JSON report is on stderr either way.
    const run = await promisify(execFile)('java', ['-jar', jar, '--format', 'json', '--errors-only', ...files, control], {
      maxBuffer: 64 * 1024 * 1024,
    }).catch((e: { stdout: string; stderr: string }) => e);
    const { messages } = JSON.parse(run.stderr) as { messages: VnuMessage[] };
    if (!messages.some((m) => m.url.endsWith('control.html') && /title/.test(m.message)))
      throw new Error(`the checker did not report the control document: ${run.stderr.slice(0, 500)}`);
    return messages
      .filter((m) => !m.url.endsWith('control.html'))
      .map((m) => {
        const index = Number(/doc-(\d+)\.html$/.exec(m.url)?.[1]);
        return `${docs[index]?.name ?? m.url}:${m.lastLine ?? '?'} ${m.type}: ${m.message} (${m.extract ?? ''})`;
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
