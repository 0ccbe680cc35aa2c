import { type ApiEvent, jsonBody, parse } from './http';
import { formatQuery } from './schemas';
import type * as z from './zod';

/**
 * The two shapes most JSON routes have, on any route wrapper that hands its function the caller
 * (`staffRoute`): the wrapper keeps auth, the UTF-8 check and the error shapes; these keep the
 * order every such route parses in (path, then query or body, then the use case), so a bad
 * request is a 400 before anything is read. The use case's answer is still checked by the
 * handler itself (`satisfies View<typeof views.…>`), as the API contract test reads it there.
 */
type Wrap<Caller, Handler> = (
  fn: (event: ApiEvent, caller: Caller) => Promise<{ status?: number; body: unknown; contentType?: string; filename?: string }>,
) => Handler;

/** A command: its path and JSON body, and the success status its operation in `api.ts` states (200 unless said). */
export interface Command<P extends z.ZodMiniType, B extends z.ZodMiniType> {
  path: P;
  body: B;
  status?: 201 | 202;
}

/** "Parse the path and the body, call one use case, answer its view": `run` gets the caller, the path's ids and the body. */
export const commandRoute =
  <Caller, Handler>(wrap: Wrap<Caller, Handler>) =>
  <P extends z.ZodMiniType, B extends z.ZodMiniType>(
    command: Command<P, B>,
    run: (caller: Caller, path: z.infer<P>, body: z.infer<B>) => Promise<unknown>,
  ) =>
    wrap(async (event, caller) => {
      const path = parse(command.path, event.pathParameters ?? {}, 'path');
      const body = parse(command.body, jsonBody(event), 'body');
      return { status: command.status, body: await run(caller, path, body) };
    });

/** A report that is also a CSV file: `csv` writes the view, `filename` names the download from the path's ids. */
export interface ViewOrCsv<P extends z.ZodMiniType, V> {
  path: P;
  csv: (view: V) => string;
  filename: (path: z.infer<P>) => string;
}

/** "Read one view; JSON, or CSV with `?format=csv`" (`formatQuery`): `read` gets the caller and the path's ids. */
export const viewOrCsvRoute =
  <Caller, Handler>(wrap: Wrap<Caller, Handler>) =>
  <P extends z.ZodMiniType, V>(report: ViewOrCsv<P, V>, read: (caller: Caller, path: z.infer<P>) => Promise<V>) =>
    wrap(async (event, caller) => {
      const path = parse(report.path, event.pathParameters ?? {}, 'path');
      const { format } = parse(formatQuery, event.queryStringParameters ?? {}, 'query');
      const view = await read(caller, path);
      return format === 'csv'
        ? { body: report.csv(view), contentType: 'text/csv; charset=utf-8', filename: report.filename(path) }
        : { body: view };
    });
