import { defineApi } from '../lib/api';
import * as views from './views';

export const platformApi = defineApi({
  'GET /health': {
    summary: 'Whether the system answers: each component and its state (locally also the engines, and what went to dead letters).',
    response: views.health,
  },
  'GET /openapi.json': {
    summary: 'This document: every route, its auth, request and response shapes, and the error shape.',
    response: views.openApiDocument,
  },
});
