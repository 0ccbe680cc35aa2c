import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the emulated services must remember across a restart, as AWS remembers it: executions
 * and where each one is, schedules, asynchronous invocations not yet done, and how far the
 * stream has been read. One small JSON file per record in the state folder, replaced by
 * rename so a kill -9 leaves the old or the new file, never half of one.
 */
export interface Journal {
  put(kind: string, key: string, value: unknown): void;
  remove(kind: string, key: string): void;
  all<T>(kind: string): T[];
}

const fileName = (key: string) => `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`;

export function fileJournal(dir: string): Journal {
  const folder = (kind: string) => {
    const path = join(dir, kind);
    mkdirSync(path, { recursive: true });
    return path;
  };
  return {
    put(kind, key, value) {
      const file = join(folder(kind), fileName(key));
      writeFileSync(`${file}.tmp`, JSON.stringify(value));
      renameSync(`${file}.tmp`, file);
    },
    remove(kind, key) {
      rmSync(join(folder(kind), fileName(key)), { force: true });
    },
    all<T>(kind: string) {
      const path = join(dir, kind);
      if (!existsSync(path)) return [];
      return readdirSync(path)
        .filter((f) => f.endsWith('.json'))
        .map((f) => JSON.parse(readFileSync(join(path, f), 'utf8')) as T);
    },
  };
}

/** `--in-memory`: the table goes with the process, so nothing else is worth keeping either. */
export const noJournal: Journal = { put: () => {}, remove: () => {}, all: () => [] };
