import { viewLink } from '../../shared/app/report-links';
import { deps } from '../lib/deps';
import { linkRoute } from '../lib/link-page';

/** GET /r/{token}: shows the form. Never consumes the link (mail scanners prefetch links). */
export const handler = linkRoute((token) => viewLink(deps, token));
