import { bidFields, fillIn, tenderLinkIn } from '../../infra/local/mailbox-links';
import type { SeededFunder } from '../../infra/local/scenario';
import type { Tender } from '../../shared/tenders/tender';
import type { tenderView } from '../../shared/tenders/views';
import { setupPool } from './pool';
import type { TestStack } from './stack';
import { twoLots } from './tender-input';

export type TenderView = Awaited<ReturnType<typeof tenderView>>;

export const criteria = [
  { id: 'local-knowledge', title: 'Local knowledge and relationships', kind: 'quality', weight: 50 },
  { id: 'delivery', title: 'Delivery plan', kind: 'quality', weight: 20 },
  { id: 'price', title: 'Price', kind: 'price', weight: 30 },
];

/** A consortium of the six example funders whose five voting members each put `each` pence of core money into the pool. */
export async function fundedConsortium(stack: TestStack, funders: SeededFunder[], name: string, each: number) {
  const setup = await setupPool(stack, funders, name);
  for (const f of funders.slice(0, 5)) await setup.receive(await setup.pledge(f, each), each);
  return setup;
}

const at = (stack: Pick<TestStack, 'clock'>, days: number, time = '12:00:00') =>
  `${new Date(stack.clock.now().getTime() + days * 86400_000).toISOString().slice(0, 10)}T${time}Z`;

/** Options that decide a tender's regime (shared/tenders/regime.ts): its value, the kind of service, advertising, a voluntary standstill. */
export interface RegimeOptions {
  /** Multiplies the default lots (£3,000 and £1,500) and shares: 200 makes £900,000 of light-touch services, above its threshold. */
  scale?: number;
  lightTouch?: boolean;
  advertised?: boolean;
  voluntaryStandstillDays?: number;
}

/** £900,000 of goods and services (not light touch): above the £207,720 threshold, so the full regime applies. */
export const aboveThreshold = { scale: 200, lightTouch: false } as const;

/**
 * A two-lot tender funded by the five voting members in the proportions given (pence). By
 * default it is worth £4,500: a below-threshold contract too small to be notifiable.
 */
export function tenderBody(
  stack: Pick<TestStack, 'clock'>,
  funders: SeededFunder[],
  poolId: string,
  opts: { title: string; lots?: [number, number]; shares?: number[]; days?: [number, number, number, number] } & RegimeOptions,
) {
  const k = opts.scale ?? 1;
  const [a, b] = opts.lots ?? [300_000 * k, 150_000 * k];
  const shares = opts.shares ?? [150_000, 75_000, 75_000, 75_000, 75_000].map((x) => x * k);
  const [c, s, e, d] = opts.days ?? [5, 10, 15, 20];
  return {
    poolId,
    title: opts.title,
    description: 'Infrastructure support for the voluntary and community sector, in two lots.',
    documents: [{ title: 'Specification', url: 'https://wyvernshire.example.org/spec.pdf' }],
    lots: twoLots(a, b),
    ...(opts.lightTouch === undefined ? {} : { lightTouch: opts.lightTouch }),
    ...(opts.advertised === undefined ? {} : { advertised: opts.advertised }),
    ...(opts.voluntaryStandstillDays === undefined ? {} : { voluntaryStandstillDays: opts.voluntaryStandstillDays }),
    criteria,
    dates: {
      clarificationDeadline: at(stack, c),
      submissionDeadline: at(stack, s),
      evaluationEnd: at(stack, e),
      awardDecision: at(stack, d),
    },
    funders: funders.slice(0, 5).map((f, i) => ({ orgId: f.org.id, amount: shares[i] as number })),
    panel: [(funders[0] as SeededFunder).admin.email, (funders[1] as SeededFunder).admin.email],
  };
}

export const getTender = (stack: TestStack, as: SeededFunder, id: string) => stack.api.call<TenderView>(as.admin, 'GET', `/tenders/${id}`);

/** Drafts, sends for sign-off and has every funder approve; returns the tender once the workflow has published it. */
export async function publishedTender(stack: TestStack, funders: SeededFunder[], body: ReturnType<typeof tenderBody>) {
  const lead = funders[0] as SeededFunder;
  const tender = await stack.api.call<Tender>(
    lead.admin,
    'POST',
    `/consortia/${await consortiumOf(stack, lead, body.poolId)}/tenders`,
    body,
  );
  await stack.api.call(lead.admin, 'POST', `/tenders/${tender.id}/sign-off-request`);
  await stack.runtime.settle();
  for (const f of funders.slice(0, 5)) await stack.api.call(f.admin, 'POST', `/tenders/${tender.id}/sign-offs`, { decision: 'approve' });
  await stack.runtime.settle();
  return tender;
}

async function consortiumOf(stack: TestStack, as: SeededFunder, poolId: string) {
  return (await stack.api.call<{ consortiumId: string }>(as.admin, 'GET', `/pools/${poolId}`)).consortiumId;
}

/** The bid (or question) link in the newest email to `to` whose subject matches. */
export const linkTo = async (stack: TestStack, to: string, subject: RegExp, which: 'bid' | 'question' = 'bid') =>
  tenderLinkIn(await stack.runtime.emails(), to, subject, which);

/** Opens the bid form at the link, then posts a bid for the lots given. */
export function bid(url: string, lots: Record<string, { price: string; answers?: string }>, openedScope?: string) {
  const answered = Object.fromEntries(
    Object.entries(lots).map(([lotId, b]) => [
      lotId,
      {
        price: b.price,
        localKnowledge: b.answers ?? 'We have worked with local groups for ten years.',
        delivery: b.answers ?? 'A named adviser per district, monthly surgeries.',
      },
    ]),
  );
  return fillIn(url, bidFields(answered), openedScope);
}

/** A scorer's scores for the two quality criteria, with a reason for each (the assessment summary quotes them). */
export const scored = (local: number, delivery: number, why = 'Scored against the published criteria.') => ({
  scores: { 'local-knowledge': local, delivery },
  reasons: { 'local-knowledge': `${why} Local knowledge: ${local}.`, delivery: `${why} Delivery plan: ${delivery}.` },
});
