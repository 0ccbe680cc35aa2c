/**
 * The invitation's terms, apart from the workflow's steps (emails, sending once), so pages that
 * only say where a proposal stands do not bundle the emails.
 */

/** The lead has this long to confirm before the invitation lapses. */
export const CONFIRMATION_WINDOW_DAYS = 14;
/** A reminder goes to the lead this many days after the invitations. */
export const LEAD_REMINDER_AFTER_DAYS = 7;
export const CONFIRM = 'lead-confirmation';
export const INVITATION_WORKFLOW = 'consortium-invitation';
