import { en } from 'zod/locales';
import { config } from 'zod/mini';

// Zod Mini is the same validator in a tree-shakeable form (a quarter of the bundle of the
// classic API); it carries no messages until a locale is set, so every handler gets English.
// Import it as a namespace (`import * as z from '../lib/zod'`) so unused parts are left out.
config(en());

export * from 'zod/mini';
