import { conditionLink, type EvidenceForm } from '../grants/condition-link';
import { LinkRegistry } from '../platform/links/registry';
import { type ReportForm, reportLink } from './report-link';
import type { ReportingDeps } from './store';

/** What showing a link's page may use; recording a POST may also resume the workflow waiting for it. */
type ViewDeps = Pick<ReportingDeps, 'platform' | 'consortia' | 'pools' | 'grants' | 'reports' | 'clock'>;
type PostDeps = ViewDeps & Pick<ReportingDeps, 'workflows'>;

/** The link kinds served at `/r/{token}`: report periods, and the grants feature's condition evidence. */
export const providerLinks = new LinkRegistry<ViewDeps, PostDeps, ReportForm | EvidenceForm>().register(reportLink).register(conditionLink);
