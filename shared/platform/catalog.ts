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

type Method = RouteSpec['method'];

/** One method on one path (`POST /pools/{poolId}/pledges`), or a description that opens with it. */
type OneRoute = `${Method} /${string}`;

/** The route a description opens with: `GET /councils/{orgId}/late-payments[?format=csv]: …` → `GET /councils/{orgId}/late-payments`. */
const routeOf = (description: OneRoute) => /^\w+ \/[^\s:[]*/.exec(description)?.[0] as OneRoute;

/** The routes of `route`'s constructors: a method, or several, on one path (`'GET POST /app/grants/{grantId}'`). */
type Routed = OneRoute | `${Method} ${OneRoute}`;

/** A route per method, in that order, for whoever serves them. */
function servedAt(auth: Auth, methodsAndPath: Routed): Omit<RouteSpec, 'fn'>[] {
  const words = methodsAndPath.split(' ');
  const path = words.pop() as string;
  return (words as Method[]).map((method) => ({ method, path, auth }));
}

const routesFor =
  (auth: Auth) =>
  <F extends string>(methodsAndPath: Routed, fn: F): RouteSpec<F>[] =>
    servedAt(auth, methodsAndPath).map(({ method, path }) => ({ method, path, fn, auth }));

/**
 * A slice's routes one line each, by who may call them: `route.page('GET POST /app/grants/{grantId}',
 * 'grantsPages')` is a route per method, in that order (a page and its form).
 */
export const route = { staff: routesFor('staff'), page: routesFor('page'), public: routesFor('public') };

/**
 * A function as a feature declares it: what `api` and `onEvent` make also carry the route or the
 * rule their description states, which `defineSlice` turns into the slice's routes and rules (so
 * the fact is written once) and leaves off the function.
 */
export interface DeclaredFunction extends FunctionSpec {
  /** The routes it serves: its staff route of the JSON API (`api`) or public one (`open`), or its pages (`pages`). */
  serves?: readonly Omit<RouteSpec, 'fn'>[];
  /** The event types a rule brings it (`onEvent`). */
  listens?: readonly string[];
}

interface Slice<F extends Record<string, DeclaredFunction> = Record<string, FunctionSpec>> {
  feature: string;
  /** One line for the feature map in docs/ARCHITECTURE.md. */
  summary: string;
  functions: { [K in keyof F]: FunctionSpec };
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

/**
 * What a feature declares: a slice without workflows, events or links may leave them out. The
 * routes of its `api`, `open` and `pages` functions and the rules of its `onEvent` functions come
 * from the functions themselves; `routes` and `rules` hold any others (a test's own rules).
 */
type SliceDeclaration<F extends Record<string, DeclaredFunction>> = Pick<Slice<F>, 'feature' | 'summary'> & {
  functions: F;
  /** Other routes, or lists of them as `route` makes them: flattened in order, after the functions' own. */
  routes?: readonly (RouteSpec<keyof F & string> | readonly RouteSpec<keyof F & string>[])[];
  /** Rules deployed under another id than their target's (`{ startRoundWorkflow: 'StartAllocationRound' }`), kept so. */
  ruleIds?: Partial<Record<keyof F, string>>;
} & Partial<Omit<Slice<F>, 'feature' | 'summary' | 'functions' | 'routes'>>;

/** A rule is named after its target (`notifyEvidenceReceived` → `NotifyEvidenceReceived`) unless the slice's `ruleIds` say otherwise. */
const ruleId = (fn: string) => `${fn[0]?.toUpperCase()}${fn.slice(1)}`;

/** Keeps a slice's function ids as literal types, so its routes, rules and workflows are checked against them. */
export const defineSlice = <const F extends Record<string, DeclaredFunction>>(slice: SliceDeclaration<F>): Slice<F> => {
  type Id = keyof F & string;
  const declared = Object.entries(slice.functions) as [Id, DeclaredFunction][];
  const served: RouteSpec<Id>[] = declared.flatMap(([fn, { serves = [] }]) =>
    serves.map(({ method, path, auth }) => ({ method, path, fn, auth })),
  );
  const listened: RuleSpec<Id>[] = declared.flatMap(([fn, { listens }]) =>
    listens ? [{ id: slice.ruleIds?.[fn] ?? ruleId(fn), detailTypes: listens, fn }] : [],
  );
  return {
    feature: slice.feature,
    summary: slice.summary,
    functions: Object.fromEntries(declared.map(([id, { serves, listens, ...spec }]) => [id, spec])) as Slice<F>['functions'],
    routes: [...served, ...(slice.routes ?? []).flat()],
    rules: [...listened, ...(slice.rules ?? [])],
    workflows: slice.workflows ?? [],
    events: slice.events ?? (() => ({})),
    eventNotes: slice.eventNotes ?? {},
    linkKinds: slice.linkKinds ?? [],
  };
};

/** The table needs most functions declare. */
export const read = ['table-read'] as const;
export const readWrite = ['table-read', 'table-write'] as const;
export const mailing = [...readWrite, 'mail'] as const;

/**
 * One-line constructors for a feature's functions, each a handler file under `functions/<folder>/`
 * (`name` is the file's name, `.ts` unless it ends `.tsx`). They say how the function is called,
 * which decides `async` and how its description starts, so a catalog reads as a list.
 */
export function functionsIn(folder: string) {
  const entry = (name: string) => `functions/${folder}/${name}${name.endsWith('.tsx') ? '' : '.ts'}`;
  return {
    /**
     * A staff route of the JSON API (a Cognito JWT): its description opens with the route
     * (`POST /pools/{poolId}/pledges`, then anything after a space, `:` or `[`), where the slice serves it.
     */
    api: (name: string, description: OneRoute, needs: readonly Need[]) =>
      ({ entry: entry(name), description, needs, serves: servedAt('staff', routeOf(description)) }) satisfies DeclaredFunction,
    /** Served to anyone (health, sign-in, an emailed link) at the route its description opens with, as `api`'s. */
    open: (name: string, description: OneRoute, needs: readonly Need[], more?: Pick<FunctionSpec, 'only'>) =>
      ({ entry: entry(name), description, needs, ...more, serves: servedAt('public', routeOf(description)) }) satisfies DeclaredFunction,
    /** Called synchronously by a route the slice lists or by the platform. */
    handler: (name: string, description: string, needs: readonly Need[], more?: Pick<FunctionSpec, 'timeoutSeconds' | 'only'>) =>
      ({ entry: entry(name), description, needs, ...more }) satisfies FunctionSpec,
    /**
     * A feature's pages or journeys (one Lambda serves several, each `route.page`'s methods and path:
     * `'GET POST /app/grants/{grantId}'`, a page and its form): web pages on the table, and what else they need.
     */
    pages: (name: string, description: string, serves: readonly Routed[], ...more: Need[]) =>
      ({
        entry: entry(name),
        description,
        needs: [...readWrite, 'web', ...more],
        serves: serves.flatMap((methodsAndPath) => servedAt('page', methodsAndPath)),
      }) satisfies DeclaredFunction,
    /** A step of one of the feature's workflows (bound to it by `workflow`). */
    task: (name: string, what: string, needs: readonly Need[]) =>
      ({ entry: entry(name), description: `Workflow task: ${what}`, needs }) satisfies FunctionSpec,
    /**
     * A rule's target, invoked asynchronously: retried, then dead-lettered. Its description opens
     * with the event types the rule delivers (`milestone.decided / milestone.evidence-submitted → …`).
     */
    onEvent: (name: string, description: `${string} → ${string}`, needs: readonly Need[]) =>
      ({
        entry: entry(name),
        description,
        needs,
        async: true,
        listens: description.split(' → ')[0]?.split(' / '),
      }) satisfies DeclaredFunction,
    /**
     * A rule's target for many event types (more than a description can list: Lambda keeps 256
     * characters of it), invoked as `onEvent`'s; its description says what it does and how many types bring it.
     */
    onEvents: (name: string, types: readonly string[], what: string, needs: readonly Need[], more?: Pick<FunctionSpec, 'timeoutSeconds'>) =>
      ({
        entry: entry(name),
        description: `${types.length} event types → ${what}`,
        needs,
        ...more,
        async: true,
        listens: types,
      }) satisfies DeclaredFunction,
    /** A schedule's target, invoked asynchronously like a rule's. */
    scheduled: (name: string, what: string, needs: readonly Need[]) =>
      ({ entry: entry(name), description: `Scheduled: ${what}`, needs, async: true }) satisfies FunctionSpec,
  };
}

/**
 * A workflow and its task functions, declared together. Its ASL file names each task
 * `${<Id>FunctionArn}` (`nextTranche` → `NextTrancheFunctionArn`), so the substitutions follow
 * from the tasks' ids: spread `tasks` into the slice's functions and put `spec` in its workflows.
 */
export function workflow<const T extends Record<string, FunctionSpec>>(id: string, file: string, tasks: T) {
  const arn = (fn: string) => `${fn[0]?.toUpperCase()}${fn.slice(1)}FunctionArn`;
  const substitutions = Object.fromEntries(Object.keys(tasks).map((fn) => [arn(fn), fn])) as Record<string, keyof T & string>;
  return { tasks, spec: { id, file, substitutions } satisfies WorkflowSpec<keyof T & string> };
}

/** Names used in both targets. */
export const names = {
  stack: 'Grantloop',
  table: 'grantloop',
  eventBus: 'grantloop',
  scheduleGroup: 'grantloop-reminders',
  functionName: (id: string) => `grantloop-${id}`,
  stateMachineName: (id: string) => `grantloop-${id}`,
};

const platform = functionsIn('platform');

/** The platform's own functions: the health check, the API contract and the outbox relay. */
export const platformSlice = defineSlice({
  feature: 'platform',
  summary: 'Health check, the API contract (OpenAPI) and the outbox relay (table stream → event bus); knows no feature.',
  functions: {
    health: platform.open('health', 'GET /health', read),
    openApi: platform.open('openapi', 'GET /openapi.json (the API contract)', []),
    eventRouter: platform.handler('event-router', 'Table stream → EventBridge (outbox relay)', ['publish-events'], { timeoutSeconds: 60 }),
  },
});

/** The stream → router mapping only passes inserted event items (same filter in both targets). */
export const streamFilter = { eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['event'] } } } };
export const streamRouter = 'eventRouter';
