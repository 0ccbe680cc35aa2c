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

  it('one-time schedule expressions are read as UTC, and others are refused', () => {
    expect(parseAt('at(2026-10-25T01:30:00)').toISOString()).toBe('2026-10-25T01:30:00.000Z');
    expect(() => parseAt('rate(1 day)')).toThrowError(/only at\(\.\.\.\) is emulated/);
    expect(() => parseAt('at(2026-10-25T01:30:00)', 'Europe/London')).toThrowError(/only UTC/);
  });
});
