import { stringify } from 'csv-stringify/sync';

const snakeCase = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Rows as a CSV file with a header line: the columns `keys` lists, in that order, each headed by
 * its key in snake_case (`supplierIdentifier` → `supplier_identifier`) unless `headers` names it.
 */
export function csvOf<R extends object>(
  rows: readonly R[],
  keys: readonly (keyof R & string)[],
  headers: Partial<Record<keyof R & string, string>> = {},
): string {
  return stringify([...rows], { header: true, columns: keys.map((key) => ({ key, header: headers[key] ?? snakeCase(key) })) });
}
