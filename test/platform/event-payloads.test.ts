import { describe, expect, it } from 'vitest';
import { eventOf } from '../../functions/lib/task';
import { slices } from '../../infra/catalog';
import { makeEvent as contractEvent, contractsEvents } from '../../shared/contracts/events';
import { makeEvent as grantEvent, grantsEvents } from '../../shared/grants/events';
import { eventItem } from '../../shared/platform/aws/transact';
import { type DomainEvent, EventPayloadError, readEvent } from '../../shared/platform/events';
import * as z from '../../shared/platform/zod';
import { makeEvent as poolEvent, poolsEvents } from '../../shared/pools/events';
import { tendersEvents } from '../../shared/tenders/events';
import { memorySystem } from '../support/memory';

const NOW = new Date('2026-04-01T09:00:00Z');
process.env.TABLE_NAME ??= 'grantloop';

/** An event as a producer could get it wrong: the maker's type check bypassed. */
const forged = (type: string, data: Record<string, unknown>): DomainEvent =>
  ({ ...poolEvent('pool.created', 'pool#p1', 'test', { poolId: 'p1', consortiumId: 'c1' }, NOW), type, data }) as DomainEvent;

describe('typed events: each producer states its payloads, the outbox holds it to them', () => {
  it('every type a feature writes has a strict payload schema, and one producer', () => {
    const owners = new Map<string, string>();
    for (const slice of slices) {
      for (const [type, schema] of Object.entries(slice.events())) {
        expect(owners.get(type), `${type} is written by ${owners.get(type)} and ${slice.feature}`).toBeUndefined();
        owners.set(type, slice.feature);
        expect(slice.eventNotes[type]?.writtenBy, type).toBeTruthy();
        expect((z.toJSONSchema(schema) as { additionalProperties?: boolean }).additionalProperties, type).toBe(false);
      }
      expect(Object.keys(slice.eventNotes).sort(), `${slice.feature}: a note for each type, and none for another`).toEqual(
        Object.keys(slice.events()).sort(),
      );
    }
  });

  it('the outbox builds the item of an event that fits', () => {
    const event = grantEvent(
      'grant.awarded',
      'grant#g1',
      'test',
      { grantId: 'g1', poolId: 'p1', amount: 500_00, recipientOrgId: 'o1' },
      NOW,
    );
    expect(eventItem(event).Put?.Item).toMatchObject({ entity: 'event', type: 'grant.awarded', data: { amount: 500_00 } });
  });

  it('refuses a payload that misses a field, has the wrong kind of value, or a field its schema does not name, by type and field', () => {
    expect(() => eventItem(forged('grant.awarded', { grantId: 'g1', poolId: 'p1', amount: 500_00 }))).toThrow(
      /^event grant\.awarded: data\.recipientOrgId is missing \(expected string\)$/,
    );
    expect(() => eventItem(forged('grant.awarded', { grantId: 'g1', poolId: 'p1', amount: 'lots', recipientOrgId: 'o1' }))).toThrow(
      /^event grant\.awarded: data\.amount does not fit/,
    );
    expect(() => eventItem(forged('pool.created', { poolId: 'p1', consortiumId: 'c1', secret: 'x' }))).toThrow(
      /^event pool\.created: data has fields its schema does not name: secret$/,
    );
    const refused = (() => {
      try {
        eventItem(
          forged('kpi.rated', { contractId: 'c1', status: 'active', kpiId: 'K1', rating: 'good', period: { startDate: '2026-01-01' } }),
        );
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(EventPayloadError);
    expect(refused).toMatchObject({ type: 'kpi.rated', field: 'period.endDate' });
  });

  it('refuses an event of a type no feature declares', () => {
    expect(() => eventItem(forged('pool.renamed', {}))).toThrow(
      /^event pool\.renamed: data cannot be written: no feature declares this event type$/,
    );
  });

  it('the in-memory outbox refuses the same, and writes nothing', async () => {
    const sys = memorySystem(NOW);
    await expect(sys.deps.platform.appendEvent(forged('contract.policy-set', { councilOrgId: 'o1', amberWithinDays: 14 }))).rejects.toThrow(
      /^event contract\.policy-set: data\.alertOffsetsDays is missing/,
    );
    expect(await sys.deps.platform.listEvents('pool#p1')).toEqual([]);
    const fits = contractEvent(
      'contract.policy-set',
      'council#o1',
      'test',
      { councilOrgId: 'o1', amberWithinDays: 14, alertOffsetsDays: [-3] },
      NOW,
    );
    await sys.deps.platform.appendEvent(fits);
    expect(await sys.deps.platform.listEvents('council#o1')).toEqual([fits]);
  });

  it('a rule target reads the event with its producer’s schema: typed, and refused when the payload breaks the promise', () => {
    const schema = eventOf(contractsEvents, 'milestone.decided');
    const detail = { occurredAt: NOW.toISOString(), data: { contractId: 'c1', status: 'active', milestoneId: 'M1', decision: 'met' } };
    const read = z.parse(schema, { 'detail-type': 'milestone.decided', detail });
    expect(read.detail.data.decision).toBe('met');
    expect(
      z.safeParse(schema, { 'detail-type': 'milestone.decided', detail: { ...detail, data: { ...detail.data, decision: 'maybe' } } })
        .success,
    ).toBe(false);
    expect(z.safeParse(schema, { 'detail-type': 'milestone.evidence-submitted', detail }).success).toBe(false);
  });

  it('tender.lot-awarded: the contract is built from what tenders promises, the regime included', () => {
    const schema = eventOf(tendersEvents, 'tender.lot-awarded');
    const winner = { interestId: 'i1', orgId: 'o1', name: 'Eastbrook CVS', email: 'bids@eastbrook.example.org' };
    const term = { startDate: '2026-05-01', endDate: '2027-04-30' };
    const ids = { tenderId: 't1', grantId: 'g1', poolId: 'p1', buyerOrgId: 'o2' };
    const words = { title: 'Support: Lot 1', description: 'Support for small groups.' };
    const data = {
      ...ids,
      ...words,
      ...term,
      status: 'standstill',
      lot: { id: 'lot-1', title: 'Lot 1' },
      price: 50_000_00,
      winner,
      regime: 'light-touch',
    };
    const read = z.parse(schema, { 'detail-type': 'tender.lot-awarded', detail: { occurredAt: NOW.toISOString(), data } });
    expect(read.detail.data.regime).toBe('light-touch');
    expect(() => eventItem(forged('tender.lot-awarded', { ...data, winner: { ...winner, email: undefined } }))).toThrow(
      /^event tender\.lot-awarded: data\.winner\.email is missing/,
    );
    expect(() => eventItem(forged('tender.lot-awarded', { ...data, regime: 'open' }))).toThrow(/data\.regime does not fit/);
  });

  it('a stored event is read with its producer’s schema: narrowed by type, unknown types left alone', () => {
    const read = readEvent([poolsEvents, grantsEvents], {
      type: 'payment.made',
      data: { grantId: 'g1', poolId: 'p1', amount: 100, tranche: 2 },
    });
    expect(read?.type === 'payment.made' && read.data.tranche).toBe(2);
    expect(readEvent(grantsEvents, { type: 'report.opened', data: {} })).toBeUndefined();
    expect(() => readEvent(grantsEvents, { type: 'condition.decided', data: { grantId: 'g1' } })).toThrow(/data\.conditionId is missing/);
  });
});
