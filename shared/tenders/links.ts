import { LinkRegistry } from '../platform/links/registry';
import { type BidForm, bidLinkKind } from './bid-link';
import { type QuestionForm, questionLinkKind } from './question-link';
import type { TendersDeps } from './store';

type ViewDeps = Pick<TendersDeps, 'platform' | 'consortia' | 'tenders' | 'clock'>;
type PostDeps = ViewDeps & Pick<TendersDeps, 'mailer'>;

/** The link kinds served at `/b/{token}`: a provider's bid, and its clarification questions. */
export const tenderLinks = new LinkRegistry<ViewDeps, PostDeps, BidForm | QuestionForm>().register(bidLinkKind).register(questionLinkKind);
