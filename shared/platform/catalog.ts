import type { Need } from './environment';
import type { EventNote, Events } from './events';

/**
 * What the system is made of, declared by each feature in its `catalog.ts` and concatenated in
 * `infra/catalog.ts`. Both targets read it: the CDK stack builds Lambdas, routes, rules, state
 * machines and grants from it; the local runtime loads the same handler files and routes
 * requests and events by the same table.
 */
export interface FunctionSpec {
  /** The handler file, relative to the repository root. */
  entry: string;
  description: string;
  /** What it touches; the stack turns each need into environment and least-privilege grants. */
  needs: readonly Need[];
  /** Invoked asynchronously (EventBridge, Scheduler): retried, then dead-lettered. */
  async?: boolean;
  timeoutSeconds?: number;
  /**
   * Built for one target only: sign-in is Cognito's on AWS and a local page on one machine, so
   * each target has a function the other must not (the stack's tests prove the local one absent).
   */
  only?: 'aws' | 'local';
  /** Set by the catalog from the slice that declares the function (its log group is the feature's). */
  feature?: string;
}

/**
 * Who may call a route: `staff` (JSON, a Cognito JWT checked by the API's authorizer), `public`
 * (anyone: health, emailed links) or `page` (HTML for staff with a session cookie, checked by
 * the page wrapper; forms need the session's CSRF token and our own Origin).
 */
export type Auth = 'staff' | 'public' | 'page';

export interface RouteSpec<F extends string = string> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  fn: F;
  auth: Auth;
}

/** An EventBridge rule on the grantloop bus: detail-types → one target function. */
export interface RuleSpec<F extends string = string> {
  id: string;
  detailTypes: readonly string[];
  fn: F;
}

export interface WorkflowSpec<F extends string = string> {
  /** Also its state machine's name (`grantloop-<id>`) and what `startWorkflow` needs name. */
  id: string;
  file: string;
  /** `${Name}` in the ASL file → the ARN of this function. */
  substitutions: Readonly<Record<string, F>>;
}

interface Slice<F extends Record<string, FunctionSpec> = Record<string, FunctionSpec>> {
  feature: string;
  /** One line for the feature map in docs/ARCHITECTURE.md. */
  summary: string;
  functions: F;
  routes: readonly RouteSpec<keyof F & string>[];
  rules: readonly RuleSpec<keyof F & string>[];
  workflows: readonly WorkflowSpec<keyof F & string>[];
  /** The event types the feature writes, each with its payload schema (its `events.ts`), built when first asked for. */
  events: Events;
  /** Who writes each of those types, for the event catalogue (its `events.ts` notes). */
  eventNotes: Readonly<Record<string, EventNote>>;
  /** The kinds of emailed link it issues. */
  linkKinds: readonly string[];
}

/** Any feature's slice, as the catalog concatenates them (a `Slice<F>` with its ids widened). */
export interface SliceShape {
  feature: string;
  summary: string;
  functions: Record<string, FunctionSpec>;
  routes: readonly RouteSpec[];
  rules: readonly RuleSpec[];
  workflows: readonly WorkflowSpec[];
  events: Events;
  eventNotes: Readonly<Record<string, EventNote>>;
  linkKinds: readonly string[];
}

/** Keeps a slice's function ids as literal types, so its routes, rules and workflows are checked against them. */
export const defineSlice = <const F extends Record<string, FunctionSpec>>(slice: Slice<F>): Slice<F> => slice;

/** Names used in both targets. */
export const names = {
  stack: 'Grantloop',
  table: 'grantloop',
  eventBus: 'grantloop',
  scheduleGroup: 'grantloop-reminders',
  functionName: (id: string) => `grantloop-${id}`,
  stateMachineName: (id: string) => `grantloop-${id}`,
};

/** The platform's own functions: the health check, the API contract and the outbox relay. */
export const platformSlice = defineSlice({
  feature: 'platform',
  summary: 'Health check, the API contract (OpenAPI) and the outbox relay (table stream → event bus); knows no feature.',
  functions: {
    health: { entry: 'functions/platform/health.ts', description: 'GET /health', needs: ['table-read'] },
    openApi: { entry: 'functions/platform/openapi.ts', description: 'GET /openapi.json (the API contract)', needs: [] },
    eventRouter: {
      entry: 'functions/platform/event-router.ts',
      description: 'Table stream → EventBridge (outbox relay)',
      needs: ['publish-events'],
      timeoutSeconds: 60,
    },
  },
  routes: [
    { method: 'GET', path: '/health', fn: 'health', auth: 'public' },
    { method: 'GET', path: '/openapi.json', fn: 'openApi', auth: 'public' },
  ],
  rules: [],
  workflows: [],
  events: () => ({}),
  eventNotes: {},
  linkKinds: [],
});

/** The stream → router mapping only passes inserted event items (same filter in both targets). */
export const streamFilter = { eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['event'] } } } };
export const streamRouter = 'eventRouter';
