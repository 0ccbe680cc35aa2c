import type { Block, Contact } from '../platform/email/message';
import type { Email } from '../platform/ports';
import { sendOnce } from '../platform/send-once';
import { funderEmail } from './funder-mail';
import type { Notice } from './process';
import type { Interest, TendersDeps } from './store';
import type { Tender } from './tender';
import { loadTender, type TenderRecords } from './tenders';

/** What the workflow's steps may use: each takes only what it needs, so its bundle carries no unused client. */
export type Records = TenderRecords & Pick<TendersDeps, 'platform'>;
export type Mailing = Records & Pick<TendersDeps, 'mailer'>;
export type Resuming = Records & Pick<TendersDeps, 'workflows'>;
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

/** Emails each funder of the tender once per scope, linking to the tender page. */
export async function tellFunders(deps: Mailing, tender: Tender, scope: string, subjectLine: string, body: Block[]) {
  const { consortium } = await loadTender(deps, tender.id);
  const orgs = await deps.consortia.getOrganisations(tender.funders.map((f) => f.orgId));
  let sent = 0;
  for (const org of orgs.values()) {
    const email = funderEmail({ consortium, tender }, org, subjectLine, body);
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
