import { en } from 'zod/locales';
import { config } from 'zod/mini';

// Zod Mini is the same validator in a tree-shakeable form (a quarter of the bundle of the
// classic API); it carries no messages until a locale is set, so everything that checks gets
// English. Import it as a namespace (`import * as z from '../platform/zod'`) so unused parts are
// left out. The domain (event payloads) and the handlers (`functions/lib/zod`) share this one.
//
// Setting the locale is a call, not a side effect of loading this module: a bundle that loads a
// feature's events.ts (say, for its subjects) and builds no schema carries no zod at all.
let english = false;

/** English messages for every schema's issues; once per process, by whoever builds schemas to check with. */
export function inEnglish(): void {
  if (english) return;
  config(en());
  english = true;
}

export * from 'zod/mini';
