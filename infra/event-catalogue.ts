import * as z from '../functions/lib/zod';
import type { SliceShape } from '../shared/platform/catalog';
import type { EventNote } from '../shared/platform/events';
import { buildCatalog, slices } from './catalog';
import { rewriteDocBlock } from './doc-blocks';

/**
 * The event catalogue in docs/ARCHITECTURE.md, generated from what the code declares: each
 * producer's payload schemas (its `events.ts`, through its catalog slice) and the rules that
 * consume them. A test fails if the document and this differ: `npx tsx infra/event-catalogue.ts`
 * rewrites the block in place.
 */
type Json = { type?: string; enum?: unknown[]; items?: Json; properties?: Record<string, Json>; required?: string[] };

const code = (s: unknown) => `\`${String(s)}\``;
// A table cell holds no pipe and no line break.
const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

function typeOf(s: Json): string {
  if (s.enum) return s.enum.map(code).join(' or ');
  if (s.type === 'array' && s.items) return `list of ${typeOf(s.items)}`;
  if (s.type === 'object') return `{${fields(s)}}`;
  return s.type ?? 'any';
}

function fields(s: Json, notes: EventNote['fields'] = {}): string {
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties ?? {})
    .map(([name, field]) => {
      const note = notes[name] ? ` (${notes[name]})` : '';
      return `${code(name)}${required.has(name) ? '' : ' (optional)'}: ${typeOf(field)}${note}`;
    })
    .join(', ');
}

/** One row per event type, in the order the features and their `events.ts` declare them. */
export function eventCatalogue(parts: readonly SliceShape[] = slices as readonly SliceShape[]): string {
  const c = buildCatalog(parts);
  const rows = parts.flatMap((slice) =>
    Object.entries(slice.events()).map(([type, schema]) => {
      const notes = slice.eventNotes[type];
      if (!notes) throw new Error(`event type ${type} has no note in ${slice.feature}'s events.ts`);
      const data = fields(z.toJSONSchema(schema) as Json, notes.fields);
      const consumers = c.rules
        .filter((r) => r.detailTypes.includes(type))
        .map((r) => {
          const description = c.functions[r.fn]?.description ?? r.fn;
          return `rule ${r.id} → ${description.split(' → ').slice(1).join(' → ') || description}`;
        });
      return [
        code(type),
        `${slice.feature}: ${notes.writtenBy}`,
        notes.note ? `${data}<br>${notes.note}` : data,
        consumers.length ? consumers.join('<br>') : '—',
      ].map(cell);
    }),
  );
  return ['| type | written by | data | consumers |', '| --- | --- | --- | --- |', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

if (process.argv[1]?.endsWith('event-catalogue.ts')) rewriteDocBlock('events', eventCatalogue());
