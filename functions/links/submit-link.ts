import { postLink } from '../../shared/app/report-links';
import { deps } from '../lib/deps';
import { linkRoute } from '../lib/link-page';

/** POST /r/{token}: saves a draft, or submits and consumes the link in one transaction. */
export const handler = linkRoute((token, form) => postLink(deps, token, form));
