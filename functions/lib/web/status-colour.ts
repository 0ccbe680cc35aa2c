/** The GOV.UK tag colour for each status a page shows as a tag (the word is always shown too, never colour alone). */
export const statusColour: Record<string, 'green' | 'red' | 'yellow' | 'grey' | 'blue' | 'orange' | 'purple'> = {
  scheduled: 'grey',
  requested: 'blue',
  submitted: 'purple',
  'changes-requested': 'yellow',
  overdue: 'orange',
  'very-late': 'red',
  accepted: 'green',
  'not-submitted': 'red',
  released: 'green',
  blocked: 'red',
  cancelled: 'grey',
  met: 'green',
  waived: 'grey',
  'not-met': 'red',
  pending: 'blue',
  'evidence-submitted': 'purple',
};
