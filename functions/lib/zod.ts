import { inEnglish } from '../../shared/platform/zod';

// The handlers' zod is the platform's (zod/mini with English messages): one configuration,
// whether a schema is a request body here or an event payload in shared/.
inEnglish();

export * from '../../shared/platform/zod';
