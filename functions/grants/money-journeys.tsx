import type { Caller } from '../../shared/consortia/caller';
import { DomainError, invalid } from '../../shared/platform/errors';
import { pounds } from '../../shared/platform/format';
import { poolsTable } from '../../shared/pools/aws';
import { moveGrantMoney } from '../../shared/pools/payments';
import { lengthHint } from '../lib/web/form';
import { GoTo } from '../lib/web/inputs';
import { type Journey, journeyAt, journeyPage } from '../lib/web/journey';
import type { PageRequest } from '../lib/web/page-route';
import { typedPounds } from '../lib/web/typed';
import { moneyMovement } from '../pools/schemas';
import { type GrantCtx, grantChrome, grantFor, grantHref } from './journey-parts';

/**
 * Recording a payment on a grant, or money it returns to the pool (issue 24), by the lead's
 * officers: one question page (the amount in pounds and a note), check your answers, and a
 * confirmation. The schema is the payment and return routes' own (`moneyMovement`) and so is the
 * use case (`moveGrantMoney`); the ledger's refusal of more than is
 * left is shown against the amount, in pounds.
 */
type Kind = 'payment' | 'return';

/** What is left to pay on the grant, and what has been paid and not returned, from its funders' shares. */
const leftToPay = (c: GrantCtx) => c.funders.reduce((a, s) => a + s.amount - s.paid, 0);
const paidNet = (c: GrantCtx) => c.funders.reduce((a, s) => a + s.paid - s.returned, 0);

const words = {
  payment: {
    title: 'Record a payment',
    heading: 'How much was paid?',
    label: 'Amount paid',
    path: 'payments',
    hint: (c: GrantCtx) => `${pounds(leftToPay(c))} of the grant's ${pounds(c.amount)} is left to pay.`,
    button: 'Record the payment',
    panel: 'Payment recorded',
    left: 'the money left to pay on this grant',
  },
  return: {
    title: 'Record money returned',
    heading: 'How much did the provider return?',
    label: 'Amount returned',
    path: 'returns',
    hint: (c: GrantCtx) => `${pounds(paidNet(c))} has been paid on this grant and not returned.`,
    button: 'Record the return',
    panel: 'Return recorded',
    left: 'what has been paid on this grant and not returned',
  },
};

/** The ledger refuses more than there is with the figures in pence: the page names the field and says it in pounds. */
function moreThanThere(error: unknown, kind: Kind): unknown {
  const available = error instanceof DomainError ? error.details.available : undefined;
  if (error instanceof DomainError && error.kind === 'conflict' && typeof available === 'number') {
    const w = words[kind];
    return invalid('amount', 'at-most-available', `the ${w.label.toLowerCase()} must be ${pounds(available)} or less: ${w.left}`);
  }
  return error;
}

function moneyJourney(kind: Kind): Journey<typeof moneyMovement, GrantCtx, Caller> {
  const w = words[kind];
  return {
    ...journeyAt(`grant-${kind}`, (p) => `/app/grants/${p.grantId}/${w.path}/new`),
    schema: moneyMovement,
    title: w.title,
    load: (req: PageRequest<Caller>) => grantFor(req.caller, req.params.grantId ?? '', 'officer'),
    chrome: grantChrome,
    fixed: (c) => ({ currency: c.currency }),
    questions: [
      {
        id: 'amount',
        heading: w.heading,
        fields: {
          amount: { label: w.label, as: 'pounds', missing: `Enter the ${w.label.toLowerCase()}` },
          // Named without "(optional)" in messages: "Note for the ledger must be 200 characters or fewer".
          memo: { label: 'Note for the ledger', optional: true },
        },
        body: ({ ctx, field }) => (
          <>
            {kind === 'payment' && ctx.tranches.length > 0 && (
              <p class="govuk-body">
                grantloop pays the plan's tranches itself, on their dates. Record here only money paid outside that schedule.
              </p>
            )}
            <field.Pounds name="amount" label={w.label} hint={w.hint(ctx)} />
            <field.Text
              name="memo"
              label="Note for the ledger (optional)"
              hint={`For example, the remittance reference. Funders see it in the pool's ledger. ${lengthHint(moneyMovement.shape.memo)}`}
            />
          </>
        ),
      },
    ],
    check: {
      rows: (typed) => [
        { key: w.label, value: typedPounds(typed.amount), question: 'amount' },
        { key: 'Note for the ledger', value: String(typed.memo || 'None'), question: 'amount' },
      ],
      button: w.button,
    },
    submit: async (c, value) => {
      try {
        return String((await moveGrantMoney(poolsTable, c.caller, c.id, kind, value)).amount);
      } catch (error) {
        throw moreThanThere(error, kind);
      }
    },
    done: (c, amount) => ({ panel: w.panel, body: <MoneyMoved c={c} kind={kind} amount={Number(amount)} /> }),
  };
}

function MoneyMoved({ c, kind, amount }: { c: GrantCtx; kind: Kind; amount: number }) {
  const sum = Number.isSafeInteger(amount) && amount > 0 ? pounds(amount) : 'The amount';
  return (
    <>
      {kind === 'payment' ? (
        <p class="govuk-body">
          {sum} paid to {c.recipient.name} is in the pool's ledger, split between the grant's funders in proportion to what each still had
          committed to it. Each funder's statement shows its part. No one is emailed.
        </p>
      ) : (
        <p class="govuk-body">
          {sum} returned by {c.recipient.name} is back in the pool, with each funder that paid it, in proportion to what each had paid: it
          can fund other grants. No one is emailed.
        </p>
      )}
      <GoTo href={grantHref(c.id)}>Go to the grant</GoTo>
    </>
  );
}

export const grantPaymentJourney = moneyJourney('payment');
export const grantReturnJourney = moneyJourney('return');
export const grantPaymentPage = journeyPage(grantPaymentJourney);
export const grantReturnPage = journeyPage(grantReturnJourney);
