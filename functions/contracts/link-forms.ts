import { renderMilestoneForm } from './milestone-form';

/** The forms of the link kinds served at `/m/{token}`. */
export const contractForms = { milestone: renderMilestoneForm };
