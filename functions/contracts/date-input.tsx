import { DateBoxes } from '../lib/web/date-time-input';
import type { FieldError } from '../lib/web/govuk';

/**
 * The GOV.UK date input: day, month and year fields in a fieldset, named `<name>-day`, `-month`
 * and `-year`, which the form decoder's `date` kind reads (functions/lib/web/form.ts). An error
 * marks only the boxes it names (`parts`), or all three when the date as a whole is wrong.
 */
export function DateInput(p: { name: string; legend: string; hint: string; typed: Record<string, string>; errors: FieldError[] }) {
  return <DateBoxes {...p} />;
}
