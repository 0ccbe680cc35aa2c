import { defineApi } from '../lib/api';
import * as z from '../lib/zod';

const component = z.looseObject({ state: z.enum(['ok', 'degraded', 'stopped']) });

export const platformApi = defineApi({
  'GET /health': {
    summary: 'Whether the system answers: each component and its state (locally also the engines, and what went to dead letters).',
    response: z.looseObject({ status: z.literal('ok'), components: z.record(z.string(), component) }),
  },
  'GET /openapi.json': {
    summary: 'This document: every route, its auth, request and response shapes, and the error shape.',
    response: 'An OpenAPI 3.1 document.',
  },
});
