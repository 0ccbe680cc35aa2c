import type { LocalRuntime } from '../../infra/local/runtime';
import type { Fixture } from '../support/grant';
import { figures, timed } from './timing';

/**
 * The funder's most frequent write, reviewing a submitted report, timed on reports that really
 * wait for a review (one each, since a report is reviewed once): 10 by one client, then the rest
 * by 32 at once, with the DynamoDB calls each review made, counted by the SDK middleware.
 */
export async function benchReviews(f: Fixture, reportIds: string[], reviewFn: string) {
  const runtime: LocalRuntime = f.stack.runtime;
  const authorization = `Bearer ${await runtime.issuer.sign({ sub: f.lead.admin.id, email: f.lead.admin.email })}`;
  const calls: number[] = [];
  runtime.lambdas.onInvoked = ({ fn, usage }) => {
    if (fn === reviewFn) calls.push(usage.dynamodbCalls);
  };
  const review = (id: string) => async () => {
    const res = await fetch(`${runtime.apiUrl}/reports/${id}/review`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ decision: 'accept' }),
    });
    await res.arrayBuffer();
    if (res.status !== 202) throw new Error(`a review was refused: ${res.status}`);
  };
  const one = await timed(reportIds.slice(0, 10).map(review), 1);
  const many = await timed(reportIds.slice(10).map(review), 32);
  runtime.lambdas.onInvoked = undefined;
  return { roundTrips: Math.max(...calls), one: figures(one), many: figures(many) };
}
