import { en } from 'zod/locales';
import * as z from 'zod/mini';

// Zod Mini is the same validator in a tree-shakeable form (a quarter of the bundle of the
// classic API); it carries no messages until a locale is set, so every handler gets English.
z.config(en());

export { z };
