import { en } from 'zod/locales';
import { config } from 'zod/mini';

// Zod Mini is the same validator in a tree-shakeable form (a quarter of the bundle of the
// classic API); it carries no messages until a locale is set, so everything that checks gets
// English. Import it as a namespace (`import * as z from '../platform/zod'`) so unused parts are
// left out. The domain (event payloads) and the handlers (`functions/lib/zod`) share this one.
config(en());

export * from 'zod/mini';
