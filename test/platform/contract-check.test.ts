import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractValidator } from '../../infra/local/contract-check';
import { root } from '../support/stack';

// The document as served by GET /openapi.json.
const check = contractValidator(JSON.parse(readFileSync(join(root, 'shared/platform/openapi.json'), 'utf8')));
const json = 'application/json; charset=utf-8';
const id = '01JZ0000000000000000000000';
const confirmed = { method: 'POST', route: '/consortia/{consortiumId}/confirm', status: 202, contentType: json };

describe('the contract check the engines tests replay their traffic through', () => {
  it('passes an answer as the document states it', () => {
    expect(check({ ...confirmed, body: JSON.stringify({ consortiumId: id, confirmed: true }) })).toEqual([]);
    const refused = { error: 'not-found', message: 'no such consortium', what: 'consortium', id };
    expect(check({ ...confirmed, status: 404, body: JSON.stringify(refused) })).toEqual([]);
    expect(
      check({ method: 'GET', route: '/cal/{token}', status: 404, contentType: 'text/plain; charset=utf-8', body: 'Not found.\n' }),
    ).toEqual([]);
  });

  it('catches a wrong body: a field missing, one too many, a wrong type', () => {
    expect(check({ ...confirmed, body: JSON.stringify({ consortiumId: id }) })[0]).toMatch(/must have required property 'confirmed'/);
    expect(check({ ...confirmed, body: JSON.stringify({ consortiumId: id, confirmed: true, extra: 1 }) })[0]).toMatch(
      /must NOT have additional properties/,
    );
    expect(check({ ...confirmed, body: JSON.stringify({ consortiumId: 7, confirmed: true }) })[0]).toMatch(/consortiumId must be string/);
    expect(check({ ...confirmed, body: 'not json' })[0]).toMatch(/not JSON/);
    // A view model named under components.schemas is checked through its reference.
    const tender = { method: 'GET', route: '/tenders/{tenderId}', status: 200, contentType: json };
    expect(check({ ...tender, body: JSON.stringify({ id }) })[0]).toMatch(/must have required property/);
  });

  it('catches a status the operation does not list', () => {
    expect(check({ ...confirmed, status: 200, body: JSON.stringify({ consortiumId: id, confirmed: true }) })[0]).toMatch(
      /status not listed/,
    );
  });

  it('catches a media type the status does not list', () => {
    expect(check({ ...confirmed, contentType: 'text/html; charset=utf-8', body: '<p>' })[0]).toMatch(/media type text\/html not listed/);
    const page = { method: 'GET', route: '/app/pools/{poolId}', status: 200, body: 'x' };
    expect(check({ ...page, contentType: 'text/csv; charset=utf-8' })).toEqual([]);
    expect(check({ ...page, contentType: 'application/pdf' })[0]).toMatch(/media type application\/pdf not listed/);
  });
});
