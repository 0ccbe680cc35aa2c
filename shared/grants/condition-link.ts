import type { FieldIssue } from '../platform/errors';
import { dayInWords } from '../platform/format';
import { type LinkKind, type LinkPage, type OpenedLink, unknownLink } from '../platform/links/registry';
import { PROVIDER_LINK_PATH } from '../reporting/link-path';
import { grantContext, leadContact } from './context';
import { makeEvent, subject } from './events';
import { type Condition, conditionToDecide } from './grant-plan';
import type { GrantsDeps } from './store';

/** `generation`: the condition's link generation when issued (absent: 0), so a replaced link is known. */
type ConditionScope = { kind: 'condition'; conditionId: string; grantId: string; generation?: string };

/** The scope of a new link for a condition now: its current generation. */
export const conditionScope = (c: Pick<Condition, 'id' | 'grantId' | 'linkGeneration'>): ConditionScope => ({
  kind: 'condition',
  conditionId: c.id,
  grantId: c.grantId,
  ...(c.linkGeneration ? { generation: String(c.linkGeneration) } : {}),
});

/** The evidence form behind a condition's link, as a view model. */
export interface EvidenceForm {
  form: 'evidence';
  grantTitle: string;
  recipientName: string;
  condition: Pick<Condition, 'id' | 'description'>;
  values: { text: string; url: string };
  errors: FieldIssue[];
}

type D = Pick<GrantsDeps, 'platform' | 'consortia' | 'pools' | 'grants' | 'clock'>;
type Page = LinkPage<EvidenceForm>;

const alreadySent: Page = {
  kind: 'problem',
  status: 409,
  title: 'This evidence has already been sent',
  message: 'Thank you: we have it. There is nothing more to do with this link.',
};

/**
 * A link issued before staff sent a new one (condition-new-link.ts) is refused as the registry
 * refuses an expired one, saying why: the provider may hold both emails.
 */
function replacedLink(c: Condition, scope: ConditionScope, lead: { name: string; contactEmail: string }): Page | undefined {
  if ((scope.generation ?? '0') === String(c.linkGeneration ?? 0)) return undefined;
  return {
    kind: 'problem',
    status: 410,
    title: 'This link has been replaced',
    message: `A new link was emailed${c.linksReplacedAt ? ` on ${dayInWords(c.linksReplacedAt)}` : ''}, and this one no longer works. Please use the link in the newer email, or ask ${lead.name} for a new one.`,
    contact: { name: lead.name, email: lead.contactEmail },
  };
}

/** The form behind a live link; one replaced since it was issued is refused. */
async function evidenceForm(deps: D, scope: ConditionScope, override: Partial<EvidenceForm> = {}, status = 200): Promise<Page> {
  const { conditions } = await deps.grants.getPlan(scope.grantId);
  const condition = conditions.find((c) => c.id === scope.conditionId);
  if (!condition) return unknownLink;
  if (condition.status !== 'pending' && condition.status !== 'not-met') return alreadySent;
  const ctx = await grantContext(deps, scope.grantId);
  const replaced = replacedLink(condition, scope, ctx.lead);
  if (replaced) return replaced;
  return {
    kind: 'form',
    status,
    model: {
      form: 'evidence',
      grantTitle: ctx.grant.title,
      recipientName: ctx.recipient.name,
      condition: { id: condition.id, description: condition.description },
      values: { text: '', url: '' },
      errors: [],
      ...override,
    },
  };
}

function checkEvidence(text: string, url: string): FieldIssue[] {
  const errors: FieldIssue[] = [];
  if (!text && !url) errors.push({ field: 'text', rule: 'required', message: 'Please write a short note or give a web link' });
  if (text.length > 2000) errors.push({ field: 'text', rule: 'max-length', message: `At most 2000 characters (you wrote ${text.length})` });
  if (url && !/^https:\/\/[^\s]+$/.test(url))
    errors.push({ field: 'url', rule: 'https-url', message: 'A web link should start with https://' });
  return errors;
}

async function postEvidence(deps: D, { hash, scope }: OpenedLink<ConditionScope>, form: Record<string, string>): Promise<Page> {
  const text = (form.text ?? '').trim();
  const url = (form.url ?? '').trim();
  const errors = checkEvidence(text, url);
  if (errors.length) return evidenceForm(deps, scope, { values: { text, url }, errors }, 422);
  // The grant's header too: the lead's "what needs me" lists the condition with its grant's title and recipient.
  const [{ conditions }, found] = await Promise.all([deps.grants.getPlan(scope.grantId), deps.pools.getGrant(scope.grantId)]);
  const condition = conditions.find((c) => c.id === scope.conditionId);
  if (!condition || !found) return unknownLink;
  // Replaced since the page was shown: refused before anything is written.
  if ((scope.generation ?? '0') !== String(condition.linkGeneration ?? 0)) return evidenceForm(deps, scope);
  const now = deps.clock.now();
  const withEvidence = { ...condition, evidence: { ...(text ? { text } : {}), ...(url ? { url } : {}), submittedAt: now.toISOString() } };
  const ok = await deps.grants.submitEvidence(
    hash,
    withEvidence,
    conditionToDecide(withEvidence, found.grant),
    now.toISOString(),
    makeEvent(
      'condition.evidence-submitted',
      subject.grant(scope.grantId),
      `link:${hash.slice(0, 12)}`,
      { grantId: scope.grantId, conditionId: scope.conditionId },
      now,
    ),
  );
  if (!ok) return evidenceForm(deps, scope);
  return {
    kind: 'done',
    title: 'Thank you: your evidence has been sent',
    message: 'The funders will look at it and tell you when the payment can go ahead.',
  };
}

/** Evidence for one condition of a grant, sent once through its emailed link. */
export const conditionLink: LinkKind<ConditionScope, D, D, EvidenceForm> = {
  kind: 'condition',
  // Served by reporting's provider-link route, so its prefix is reporting's.
  path: PROVIDER_LINK_PATH,
  policy: 'single-use',
  scopeId: (scope) => scope.conditionId,
  contact: leadContact,
  view: (deps, opened) => evidenceForm(deps, opened.scope),
  post: postEvidence,
};
