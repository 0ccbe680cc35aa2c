import { type DomainEvent, readEvent } from '../platform/events';
import { humanise, listInWords, plural, pounds } from '../platform/format';
import { poolsEvents } from '../pools/events';
import { grantsEvents } from './events';

interface TrailNames {
  /** The person, organisation or process that acted, in words ("Ruth Okafor", "grantloop"). */
  by: string;
  recipient: string;
  /** A condition's description by its id (C1, C2…). */
  condition: (id: string) => string | undefined;
}

/** The producers of the events under a grant's subject: pools (the award, the money) and grants. */
const trailEvents = [poolsEvents, grantsEvents];

/** What one event says, without who did it, its payload read with its producer's schema. */
function what(e: Pick<DomainEvent, 'type' | 'data'>, n: TrailNames): string {
  const known = readEvent(trailEvents, e);
  const condition = (id: string) => `the condition “${n.condition(id) ?? 'no longer in the plan'}”`;
  switch (known?.type) {
    case 'grant.awarded':
      return `Grant of ${pounds(known.data.amount)} awarded to ${n.recipient}`;
    case 'grant.plan-set': {
      const d = known.data;
      return `Plan set (${listInWords([plural(d.tranches, 'payment tranche'), plural(d.conditions, 'condition'), plural(d.reports, 'report')])})`;
    }
    case 'grant.status-changed':
      return `Status changed from ${humanise(known.data.from).toLowerCase()} to ${humanise(known.data.to).toLowerCase()}`;
    case 'grant.amended': {
      const d = known.data;
      if (d.kind === 'amount') return `Amount changed from ${pounds(d.from ?? 0)} to ${pounds(d.to ?? 0)}`;
      return d.kind === 'conditions' ? 'A condition added' : 'Dates changed';
    }
    case 'payment.made': {
      const d = known.data;
      return `${d.tranche ? `Tranche ${d.tranche} released: payment` : 'Payment'} of ${pounds(d.amount)} made`;
    }
    case 'payment.returned':
      return `Return of ${pounds(known.data.amount)} recorded`;
    case 'condition.evidence-submitted':
      return `Evidence sent for ${condition(known.data.conditionId)}`;
    case 'condition.link-replaced':
      return `New evidence link emailed for ${condition(known.data.conditionId)}; earlier links stopped working`;
    case 'condition.decided': {
      const c = condition(known.data.conditionId);
      return `${c.charAt(0).toUpperCase()}${c.slice(1)} decided: ${humanise(known.data.outcome).toLowerCase()}`;
    }
    default:
      return humanise(e.type.replace(/\./g, ' '));
  }
}

/**
 * A grant's audit-trail entry in words, with who did it: "Payment of £12,500.00 made by
 * grantloop", never an event code. The events themselves keep their types and data (the API
 * and the outbox read those).
 */
export const eventInWords = (e: Pick<DomainEvent, 'type' | 'data'>, n: TrailNames): string => `${what(e, n)} by ${n.by}`;
