import type { Block, Contact } from '../platform/email/message';
import { staffPaths } from '../platform/pages';
import type { Email } from '../platform/ports';
import { sendOnce } from '../platform/send-once';
import { bidderMail } from './bidder-mail';
import { funderEmail } from './funder-mail';
import { lotOutcomeEmail, lotOutcomes } from './outcome-mail';
import type { Notice } from './process';
import type { Interest, TendersDeps } from './store';
import type { Tender } from './tender';
import { loadTender, type TenderRecords } from './tenders';

/** What the workflow's steps may use: each takes only what it needs, so its bundle carries no unused client. */
export type Records = TenderRecords & Pick<TendersDeps, 'platform'>;
export type Mailing = Records & Pick<TendersDeps, 'mailer'>;
type Resuming = Records & Pick<TendersDeps, 'workflows'>;
export type Steps = Mailing & Resuming;
/** Steps that reserve, award or hand back pool money. */
export type Money = Pick<TendersDeps, 'pools' | 'tenderLedger'>;

export const secondsUntil = (deps: { clock: { now(): Date } }, iso: string) =>
  Math.max(1, Math.ceil((Date.parse(iso) - deps.clock.now().getTime()) / 1000));
export const notice = (deps: { clock: { now(): Date } }, type: Notice['type'], lotIds: string[]): Notice => ({
  type,
  publishedAt: deps.clock.now().toISOString(),
  lotIds,
});
/** The buyer (the lead funder) as provider emails name it, and whom a provider asks. */
export async function buyerOf(deps: Pick<TendersDeps, 'consortia'>, tender: Pick<Tender, 'buyerOrgId'>): Promise<Contact> {
  const org = await deps.consortia.getOrganisation(tender.buyerOrgId);
  return org ? { name: org.name, email: org.contactEmail } : { name: 'the buyer', email: '' };
}

/** Emails each funder of the tender once per scope, linking to the tender's page where it is seen (its overview unless said). */
export async function tellFunders(
  deps: Mailing,
  tender: Tender,
  scope: string,
  subjectLine: string,
  body: Block[],
  path = staffPaths.tender(tender.id),
) {
  const { consortium } = await loadTender(deps, tender.id);
  const orgs = await deps.consortia.getOrganisations(tender.funders.map((f) => f.orgId));
  let sent = 0;
  for (const org of orgs.values()) {
    const email = funderEmail({ consortium, tender }, org, subjectLine, body, path);
    if (await sendOnce(deps, `${tender.id}#${scope}#${org.id}`, email)) sent++;
  }
  return sent;
}

/** Emails each registered provider once per scope, if `write` has something for it. */
export async function tellProviders(deps: Mailing, tender: Tender, scope: string, write: (i: Interest) => Email | undefined) {
  let sent = 0;
  for (const interest of await deps.tenders.listInterests(tender.id)) {
    const mail = write(interest);
    if (mail && (await sendOnce(deps, `${tender.id}#${scope}#${interest.id}`, mail))) sent++;
  }
  return sent;
}

/**
 * Once the award is decided (every lot awarded or failed, or the tender ended without an award):
 * each bidder is told the outcome of each lot it bid for, once.
 */
export async function tellBidders(deps: Mailing, tender: Tender, ended?: string) {
  const { consortium } = await loadTender(deps, tender.id);
  const byBidder = lotOutcomes(tender, await deps.tenders.listBids(tender, deps.clock.now()));
  if (!byBidder.size) return 0;
  const buyer = (await deps.consortia.getOrganisations([tender.buyerOrgId])).get(tender.buyerOrgId);
  return tellProviders(deps, tender, 'lot-outcomes', (interest) => {
    const lots = byBidder.get(interest.id);
    if (!lots) return undefined;
    return lotOutcomeEmail({ ...bidderMail(tender, consortium.name, buyer, interest), lots, ended });
  });
}
