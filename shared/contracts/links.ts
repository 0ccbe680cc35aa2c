import { LinkRegistry } from '../platform/links/registry';
import { type MilestoneEvidenceForm, milestoneLinkKind } from './milestone-link';
import type { ContractsDeps } from './store';

type Deps = Pick<ContractsDeps, 'platform' | 'consortia' | 'contracts' | 'clock'>;

/** The link kinds served at `/m/{token}`: a milestone's evidence. */
export const contractLinks = new LinkRegistry<Deps, Deps, MilestoneEvidenceForm>().register(milestoneLinkKind);
