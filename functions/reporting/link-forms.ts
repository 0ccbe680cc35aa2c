import { renderEvidenceForm } from '../grants/evidence-form';
import { renderReportForm } from './report-form';

/** The forms of the link kinds served at `/r/{token}`. */
export const providerForms = { report: renderReportForm, evidence: renderEvidenceForm };
