import { renderBidForm } from './bid-form';
import { renderQuestionForm } from './question-form';

/** The forms of the link kinds served at `/b/{token}`. */
export const tenderForms = { bid: renderBidForm, 'tender-question': renderQuestionForm };
