import { describe, expect, it } from 'vitest';
import { routes, streamFilter } from '../../infra/catalog';
import { matchRoute } from '../../infra/local/http-api';
import { parseAt } from '../../infra/local/scheduler';
import { matchesPattern } from '../../infra/local/stream-poller';

describe('thin emulations keep the AWS contracts', () => {
  it('the stream filter passes inserted event items only, as the event source mapping filter does', () => {
    const record = (eventName: string, entity: string) => ({ eventName, dynamodb: { NewImage: { entity: { S: entity } } } });
    expect(matchesPattern(streamFilter, record('INSERT', 'event'))).toBe(true);
    expect(matchesPattern(streamFilter, record('MODIFY', 'event'))).toBe(false);
    expect(matchesPattern(streamFilter, record('INSERT', 'consortium'))).toBe(false);
    expect(matchesPattern(streamFilter, { eventName: 'REMOVE', dynamodb: {} })).toBe(false);
  });

  it('routes match path parameters like API Gateway route keys', () => {
    expect(matchRoute(routes, 'POST', '/consortia/01ABC/confirm')).toMatchObject({
      route: { fn: 'confirmConsortium' },
      params: { consortiumId: '01ABC' },
    });
    expect(matchRoute(routes, 'GET', '/organisations')?.route.fn).toBe('listOrganisations');
    expect(matchRoute(routes, 'DELETE', '/organisations')).toBeUndefined();
    expect(matchRoute(routes, 'GET', '/consortia/a/b')).toBeUndefined();
  });

  it('a greedy {proxy+} route catches only what no other route matches, as API Gateway picks the full match first', () => {
    const catchAll = { route: { path: '/app/{proxy+}' } };
    // Declared pages keep their own route, wherever the catch-all sits in the catalog.
    expect(matchRoute(routes, 'GET', '/app/pools/01ABC')).toMatchObject({ route: { path: '/app/pools/{poolId}', fn: 'poolsPages' } });
    expect(matchRoute([...routes].reverse(), 'GET', '/app/consortia/01ABC')?.route.path).toBe('/app/consortia/{consortiumId}');
    expect(matchRoute(routes, 'GET', '/app')?.route.path).toBe('/app');
    // Anything else under /app, however deep, and /app/ itself (the rest of the path is empty).
    expect(matchRoute(routes, 'GET', '/app/no-such-page')).toMatchObject({ ...catchAll, params: { proxy: 'no-such-page' } });
    expect(matchRoute(routes, 'GET', '/app/pools/01ABC/extra/bits')).toMatchObject({
      ...catchAll,
      params: { proxy: 'pools/01ABC/extra/bits' },
    });
    expect(matchRoute(routes, 'GET', '/app/')).toMatchObject({ ...catchAll, params: { proxy: '' } });
    // Only GET, and only under /app: the JSON API's unknown paths stay API Gateway's 404.
    expect(matchRoute(routes, 'POST', '/app/no-such-page')).toBeUndefined();
    expect(matchRoute(routes, 'GET', '/application')).toBeUndefined();
    expect(matchRoute(routes, 'GET', '/no-such-route')).toBeUndefined();
  });

  it('one-time schedule expressions are read as UTC, and others are refused', () => {
    expect(parseAt('at(2026-10-25T01:30:00)').toISOString()).toBe('2026-10-25T01:30:00.000Z');
    expect(() => parseAt('rate(1 day)')).toThrowError(/only at\(\.\.\.\) is emulated/);
    expect(() => parseAt('at(2026-10-25T01:30:00)', 'Europe/London')).toThrowError(/only UTC/);
  });
});
