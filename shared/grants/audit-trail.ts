import type { DomainEvent } from '../platform/events';
import { humanise, listInWords, plural, pounds } from '../platform/format';

export interface TrailNames {
  /** The person, organisation or process that acted, in words ("Ruth Okafor", "grantloop"). */
  by: string;
  recipient: string;
  /** A condition's description by its id (C1, C2…). */
  condition: (id: string) => string | undefined;
}

const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** What one event says, without who did it. */
function what(e: Pick<DomainEvent, 'type' | 'data'>, n: TrailNames): string {
  const d = e.data as Record<string, unknown>;
  const condition = `the condition “${n.condition(text(d.conditionId)) ?? 'no longer in the plan'}”`;
  switch (e.type) {
    case 'grant.awarded':
      return `Grant of ${pounds(num(d.amount))} awarded to ${n.recipient}`;
    case 'grant.plan-set':
      return `Plan set (${listInWords([plural(num(d.tranches), 'payment tranche'), plural(num(d.conditions), 'condition'), plural(num(d.reports), 'report')])})`;
    case 'grant.status-changed':
      return `Status changed from ${humanise(text(d.from)).toLowerCase()} to ${humanise(text(d.to)).toLowerCase()}`;
    case 'grant.amended':
      if (d.kind === 'amount') return `Amount changed from ${pounds(num(d.from))} to ${pounds(num(d.to))}`;
      return d.kind === 'conditions' ? 'A condition added' : 'Dates changed';
    case 'payment.made':
      return `${d.tranche ? `Tranche ${num(d.tranche)} released: payment` : 'Payment'} of ${pounds(num(d.amount))} made`;
    case 'payment.returned':
      return `Return of ${pounds(num(d.amount))} recorded`;
    case 'condition.evidence-submitted':
      return `Evidence sent for ${condition}`;
    case 'condition.link-replaced':
      return `New evidence link emailed for ${condition}; earlier links stopped working`;
    case 'condition.decided':
      return `${condition.charAt(0).toUpperCase()}${condition.slice(1)} decided: ${humanise(text(d.outcome)).toLowerCase()}`;
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
