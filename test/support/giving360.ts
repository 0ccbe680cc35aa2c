import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { root } from './stack';

/**
 * Validates a package against the official 360Giving 1.4.3 schema files in ../shared, in place
 * and offline, with formats asserted (see ../shared/schemas/README.md).
 */
export function validate360(pkg: unknown): unknown[] {
  const dir = join(root, '..', 'shared', 'schemas', '360giving');
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  // The files declare draft 2020-12 as "http://…/schema", which ajv does not recognise: the
  // validator is told the draft (Ajv2020) and the declaration is dropped from the in-memory copy.
  const read = (f: string) => {
    const { $schema: _declared, ...schema } = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    return schema;
  };
  // The package schema refers to the grant schema by its 1.4.2 URL: register it there, offline.
  ajv.addSchema({
    ...read('360-giving-schema.json'),
    $id: 'https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json',
  });
  const validate = ajv.compile(read('360-giving-package-schema.json'));
  validate(pkg);
  return validate.errors ?? [];
}
