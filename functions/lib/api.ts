import * as z from './zod';

/**
 * What one route takes and gives, for the API contract (`GET /openapi.json`) and the fuzzer.
 * Each feature declares its routes' operations in `functions/<feature>/api.ts`, naming the very
 * schemas its handlers parse with (imported from the same `schemas.ts` / `paths.ts`), so the
 * contract is the validation and cannot say something else. Handlers do not import these maps:
 * a map pulls in every schema of its feature, and a handler bundles only the ones it reads.
 */
export interface Operation {
  summary: string;
  /** The success status, as the handler answers it (200 unless said). */
  status?: 200 | 201 | 202 | 303;
  path?: z.ZodMiniType;
  query?: z.ZodMiniType;
  /** A JSON body, parsed with this schema (`parse(schema, jsonBody(event), 'body')`). */
  body?: z.ZodMiniType;
  /** A urlencoded form (pages, emailed links, sign-in): described, as the page code reads fields one by one. */
  form?: string;
  /**
   * The success body. A JSON answer must give the zod schema of its view model (the handler
   * checks its body with `satisfies View<typeof schema>`, so the two cannot drift; the document
   * generator refuses a JSON route without one). A page, a calendar or a redirect may give a
   * sentence saying what it shows.
   */
  response?: z.ZodMiniType | string;
  /** What the success answer is when it is not JSON (staff routes are JSON, pages HTML). */
  produces?: 'json' | 'html' | 'calendar' | 'redirect' | 'open-data';
  /** An open-data document's media type: it is served with ETag and Last-Modified, and answers 304 to a conditional GET. */
  media?: 'application/json' | 'text/csv' | 'text/html';
  /** The published JSON Schema of the standard an open-data JSON document follows (360Giving, OCDS), which the contract refers to. */
  standardSchema?: string;
  /**
   * Other media types the same route answers with when the query asks (`?format=csv`, a page's
   * `?download=milestones`): each with a sentence saying when, or for JSON the schema of its body.
   */
  downloads?: Readonly<Partial<Record<'text/csv' | 'application/json', { when: string; schema?: z.ZodMiniType }>>>;
}

/**
 * A JSON answer's type as the contract states it. Handlers import the schema with `import type`
 * (nothing is bundled) and check their body: `body: view satisfies View<typeof poolSummary>`.
 */
export type View<S extends z.ZodMiniType> = z.output<S>;

/** Answer fields every view model uses. */
export const isoTime = z.iso.datetime();
export const isoDate = z.iso.date();
/** Money in an answer: whole pence (may be zero or, for a change, negative). */
export const wholePence = z.int();

/** One feature's operations, by route key ("METHOD /path" as in the catalog). */
export type Api = Readonly<Record<string, Operation>>;

export const defineApi = <const A extends Api>(api: A): A => api;

/** A path of grantloop ids (pages read theirs without zod; the page wrapper checks the same format). */
export const idsPath = <const K extends string>(...names: K[]) =>
  z.object(
    Object.fromEntries(names.map((n) => [n, z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a grantloop id'))])) as Record<
      K,
      z.ZodMiniString
    >,
  );

/** An emailed link's secret: 32 random bytes, base64url. */
export const tokenPath = z.object({ token: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/)) });

/** Every JSON refusal (`publicRoute` in `http.ts`): the kind, a readable message, and each broken rule by field. */
export const errorBody = z.looseObject({
  error: z.enum(['validation', 'unauthorised', 'forbidden', 'not-found', 'conflict', 'unsupported-media-type', 'internal']),
  message: z.string(),
  issues: z.optional(z.array(z.strictObject({ field: z.string(), rule: z.string(), message: z.string() }))),
  /** Not-found names what was asked for. */
  what: z.optional(z.string()),
  id: z.optional(z.string()),
});

/** What API Gateway itself answers when no route matches, or the JWT authorizer refuses. */
export const gatewayError = z.strictObject({ message: z.string() });

/** What API Gateway answers when the function itself fails (500); the local runtime adds the error as `detail`. */
export const gatewayFailure = z.strictObject({ message: z.string(), detail: z.optional(z.string()) });
