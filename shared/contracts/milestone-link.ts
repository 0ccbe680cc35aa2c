import type { FieldIssue } from '../platform/errors';
import { type LinkKind, type LinkPage, linkRefused, type OpenedLink, unknownLink } from '../platform/links/registry';
import { submitEvidence } from './changes';
import { isClosed, type Milestone } from './contract';
import { makeEvent, subject } from './events';
import type { ContractsDeps } from './store';

export type MilestoneScope = { kind: 'milestone'; contractId: string; milestoneId: string };

/** The evidence form behind a milestone's emailed link, as a view model. */
export interface MilestoneEvidenceForm {
  form: 'milestone';
  contractTitle: string;
  councilName: string;
  supplierName: string;
  milestone: Pick<Milestone, 'id' | 'title' | 'dueDate' | 'deliverable' | 'evidenceRequested'>;
  /** Evidence already sent and awaiting a decision: sending again replaces it. */
  sentAt?: string;
  values: { text: string; url: string };
  errors: FieldIssue[];
}

type D = Pick<ContractsDeps, 'platform' | 'consortia' | 'contracts' | 'clock'>;
type Page = LinkPage<MilestoneEvidenceForm>;

const decided = (status: string): Page => ({
  kind: 'problem',
  status: 409,
  title: 'This milestone has been decided',
  message: `The council has recorded it as ${status === 'met' ? 'met' : 'decided'}; there is nothing more to send with this link.`,
});

async function form(deps: D, scope: MilestoneScope, override: Partial<MilestoneEvidenceForm> = {}, status = 200): Promise<Page> {
  const contract = await deps.contracts.getContract(scope.contractId);
  const m = contract?.milestones.find((x) => x.id === scope.milestoneId);
  if (!contract || !m || isClosed(contract)) return unknownLink;
  if (m.status === 'met') return decided(m.status);
  const council = await deps.consortia.getOrganisation(contract.councilOrgId);
  const { id, title, dueDate, deliverable, evidenceRequested } = m;
  return {
    kind: 'form',
    status,
    model: {
      form: 'milestone',
      contractTitle: contract.title,
      councilName: council?.name ?? 'the council',
      supplierName: contract.supplier.name,
      milestone: { id, title, dueDate, deliverable, evidenceRequested },
      ...(m.evidence ? { sentAt: m.evidence.submittedAt } : {}),
      values: { text: '', url: '' },
      errors: [],
      ...override,
    },
  };
}

function check(text: string, url: string): FieldIssue[] {
  const errors: FieldIssue[] = [];
  if (!text) errors.push({ field: 'text', rule: 'required', message: 'Say what you delivered' });
  if (text.length > 2000) errors.push({ field: 'text', rule: 'max-length', message: `At most 2000 characters (you wrote ${text.length})` });
  if (url && !/^https:\/\/\S+$/.test(url))
    errors.push({ field: 'url', rule: 'https-url', message: 'A web link should start with https://' });
  return errors;
}

async function post(
  deps: D,
  { hash, scope }: OpenedLink<MilestoneScope>,
  fields: Record<string, string>,
): Promise<Page | typeof linkRefused> {
  const text = (fields.text ?? '').trim();
  const url = (fields.url ?? '').trim();
  const errors = check(text, url);
  if (errors.length) return form(deps, scope, { values: { text, url }, errors }, 422);
  for (let i = 0; i < 5; i++) {
    const saved = await saveEvidence(deps, hash, scope, text, url);
    if (saved !== 'contract-changed') return saved === 'saved' ? thanks : linkRefused;
  }
  return linkRefused;
}

const thanks: Page = {
  kind: 'done',
  title: 'Thank you: your evidence has been sent',
  message: 'The council will look at it and tell you by email whether the milestone is met.',
};

/** One try: the evidence and the spent link in one write, under the contract's version. */
async function saveEvidence(deps: D, hash: string, scope: MilestoneScope, text: string, url: string) {
  const contract = await deps.contracts.getContract(scope.contractId);
  const m = contract?.milestones.find((x) => x.id === scope.milestoneId);
  if (!contract || !m || isClosed(contract) || m.status === 'met') return 'refused';
  const now = deps.clock.now();
  const evidence = { text, ...(url ? { url } : {}), submittedAt: now.toISOString(), via: 'link' as const };
  const next = { ...submitEvidence(contract, m.id, evidence), version: contract.version + 1 };
  const event = makeEvent(
    'milestone.evidence-submitted',
    subject.contract(contract.id),
    `link:${hash.slice(0, 12)}`,
    { contractId: contract.id, milestoneId: m.id },
    now,
  );
  if (await deps.contracts.saveContractByLink(next, contract.version, hash, now.toISOString(), event)) return 'saved';
  // Refused: the link was spent meanwhile, or someone else changed the contract (try again).
  return (await deps.platform.getLink(hash))?.status === 'active' ? 'contract-changed' : 'refused';
}

/** Evidence for one milestone of a contract, sent once through its emailed link. */
export const milestoneLinkKind: LinkKind<MilestoneScope, D, D, MilestoneEvidenceForm> = {
  kind: 'milestone',
  path: '/m',
  policy: 'single-use',
  scopeId: (scope) => scope.milestoneId,
  async contact(deps, scope) {
    const contract = await deps.contracts.getContract(scope.contractId);
    const council = contract ? await deps.consortia.getOrganisation(contract.councilOrgId) : undefined;
    return council ? { name: council.name, email: council.contactEmail } : undefined;
  },
  view: (deps, opened) => form(deps, opened.scope),
  post,
};
