import { beforeAll, describe, expect, it } from 'vitest';
import { type ContractView, contractBody, contractFormPath, getContract, register } from '../support/contract';
import { inDays } from '../support/grant';
import { errorSummary, type PageClient, signInAs } from '../support/pages';
import { useTestStack } from '../support/use-stack';

/**
 * Every form of the contract page, sent wrong over HTTP as a browser without JavaScript sends it:
 * decoded by the shared decoder into the API's own schema, each mistake answers 400 with the
 * error summary naming the field as the page labels it, keeps what was typed, and writes nothing.
 * A rule the contract's state breaks (a conflict) is a message on the page, linked to its form.
 */
const { stack, funder } = useTestStack({ seed: true });
const council = () => funder(0);
let staff: PageClient;
let contract: ContractView;

beforeAll(async () => {
  contract = await register(stack, council(), {
    ...contractBody(stack, 'Form checks contract', [5, 60]),
    payments: [
      { dueDate: inDays(stack, 30), amount: 4_000_000 },
      { dueDate: inDays(stack, 60), amount: 5_000_000 },
    ],
  });
  // P2's invoice is in, so the page offers the form recording its payment.
  await stack.api.call(council().admin, 'POST', `/contracts/${contract.id}/payments/P2/invoice`, { receivedOn: inDays(stack, 0) });
  staff = await signInAs(stack, council().admin.email);
});

const send = async (fields: Record<string, string>) =>
  staff.post(contractFormPath(contract.id, fields.action), { ...fields, csrf: await staff.csrf() });
const date = (name: string, day: string, month: string, year: string) => ({
  [`${name}-day`]: day,
  [`${name}-month`]: month,
  [`${name}-year`]: year,
});

/** Sends a form that must be refused: 400, these errors in this order, and the contract as it was (its version too). */
async function refused(fields: Record<string, string>, errors: [string, string][]): Promise<string> {
  const before = await getContract(stack, council(), contract.id);
  const res = await send(fields);
  expect(res.status).toBe(400);
  expect(errorSummary(res.html)).toEqual(errors);
  expect(res.html).not.toContain('This could not be done');
  await stack.runtime.settle();
  const after = await getContract(stack, council(), contract.id);
  expect(after.version).toBe(before.version);
  expect(after).toEqual(before);
  return res.html;
}

const tooLong = 'x'.repeat(2001);

describe('the contract page’s forms, decoded as the API decodes them', () => {
  it('decide: nothing chosen, a reason over 2,000 characters, 31 February and 31 April, a part left out, a date to come', async () => {
    const decide = { action: 'decide', milestone: 'M1' };
    const page = await staff.get(`/app/contracts/${contract.id}/milestones`);
    expect(page.html).toContain('At most 2,000 characters.');
    expect(page.html).toContain('Date met (optional)');

    await refused(decide, [['status-M1', 'Select met, partly met or not met']]);
    const long = await refused({ ...decide, 'status-M1': 'notMet', 'reason-M1': tooLong }, [
      ['reason-M1', 'Why (needed unless met) must be 2,000 characters or fewer'],
    ]);
    expect(long).toContain(`>${tooLong}</textarea>`);
    expect(long).toMatch(/id="status-M1-3"[^>]*value="notMet" checked/);
    for (const month of ['2', '4']) {
      const html = await refused({ ...decide, 'status-M1': 'met', ...date('dateMet-M1', '31', month, '2026') }, [
        ['dateMet-M1-day', 'Date met must be a real date'],
      ]);
      expect(html).toContain('id="dateMet-M1-day" name="dateMet-M1-day" type="text" inputmode="numeric" value="31"');
      expect(html).toContain(`name="dateMet-M1-month" type="text" inputmode="numeric" value="${month}"`);
    }
    // Only the box left out is marked, and the summary links to it.
    const noMonth = await refused({ ...decide, 'status-M1': 'met', ...date('dateMet-M1', '3', '', '2026') }, [
      ['dateMet-M1-month', 'Date met must include a month'],
    ]);
    expect(noMonth).toContain('govuk-input--error" id="dateMet-M1-month"');
    expect(noMonth).not.toContain('govuk-input--error" id="dateMet-M1-day"');
    // The use case's own rule comes back against the field it names.
    const [y, m, d] = inDays(stack, 1).split('-') as [string, string, string];
    await refused({ ...decide, 'status-M1': 'met', ...date('dateMet-M1', d, m, y) }, [
      ['dateMet-M1-day', 'Date met: the date it was met cannot be in the future'],
    ]);
    await refused({ ...decide, 'status-M1': 'partiallyMet', 'reason-M1': '   ' }, [
      ['reason-M1', 'Why (needed unless met): say why the milestone was only partly met'],
    ]);
  });

  it('decide: 2,000 characters are taken; a met milestone decided again is refused on the page, against its form', async () => {
    const reason = 'y'.repeat(2000);
    const partly = await send({ action: 'decide', milestone: 'M2', 'status-M2': 'partiallyMet', 'reason-M2': reason });
    expect([partly.status, partly.location]).toEqual([303, `/app/contracts/${contract.id}/milestones?done=decided`]);
    expect((await getContract(stack, council(), contract.id)).milestones[1]?.decision?.reason).toBe(reason);
    const met = await send({ action: 'decide', milestone: 'M2', 'status-M2': 'met' });
    expect(met.status).toBe(303);
    const html = await refused({ action: 'decide', milestone: 'M2', 'status-M2': 'notMet', 'reason-M2': 'Changed our mind' }, [
      ['decide-M2', 'Milestone M2 is already met; a met milestone is final'],
    ]);
    expect(html).toContain('<h1 class="govuk-heading-l">Form checks contract</h1>');
  });

  it('rate: nothing typed, a note over 2,000 characters, 31 February and 31 April, and one period rated twice', async () => {
    const rate = { action: 'rate', kpi: 'K1' };
    await refused(rate, [
      ['start-K1-day', 'Enter the start of the period'],
      ['end-K1-day', 'Enter the end of the period'],
      ['rating-K1', 'Select a rating'],
    ]);
    const period = { ...date('start-K1', '1', '4', '2026'), ...date('end-K1', '30', '4', '2026') };
    const long = await refused({ ...rate, ...period, 'rating-K1': 'other', 'reason-K1': tooLong }, [
      ['reason-K1', 'Note (needed for Other) must be 2,000 characters or fewer'],
    ]);
    expect(long).toContain(`>${tooLong}</textarea>`);
    const impossible = await refused(
      { ...rate, ...date('start-K1', '31', '2', '2026'), ...date('end-K1', '31', '4', '2026'), 'rating-K1': 'good' },
      [
        ['start-K1-day', 'Start of the period must be a real date'],
        ['end-K1-day', 'End of the period must be a real date'],
      ],
    );
    expect(impossible).toMatch(/id="rating-K1"[^>]*value="good" checked/);
    await refused({ ...rate, ...date('start-K1', '30', '4', '2026'), ...date('end-K1', '1', '4', '2026'), 'rating-K1': 'good' }, [
      ['end-K1-day', 'End of the period: the period must end on or after it starts'],
    ]);

    const [y, m, d] = inDays(stack, -1).split('-') as [string, string, string];
    const ended = { ...rate, ...date('start-K1', '1', '1', '2026'), ...date('end-K1', d, m, y), 'rating-K1': 'good' };
    expect((await send(ended)).status).toBe(303);
    await refused(ended, [['rate-K1', 'KPI "Groups supported" is already rated for that period']]);
  });

  it('invoice and payment: nothing typed, 31 February and 31 April, and a payment recorded twice', async () => {
    await refused({ action: 'invoice', payment: 'P1' }, [['receivedOn-P1-day', 'Enter the date the invoice was received']]);
    const html = await refused(
      { action: 'invoice', payment: 'P1', ...date('receivedOn-P1', '31', '2', '2026'), ...date('fallsDueOn-P1', '31', '4', '2026') },
      [
        ['receivedOn-P1-day', 'Date the invoice was received must be a real date'],
        ['fallsDueOn-P1-day', 'Date payment falls due under the invoice must be a real date'],
      ],
    );
    expect(html).toContain('name="fallsDueOn-P1-month" type="text" inputmode="numeric" value="4"');

    await refused({ action: 'paid', payment: 'P2' }, [['paidOn-P2-day', 'Enter the date paid']]);
    for (const month of ['2', '4'])
      await refused({ action: 'paid', payment: 'P2', ...date('paidOn-P2', '31', month, '2026') }, [
        ['paidOn-P2-day', 'Date paid must be a real date'],
      ]);
    const [y, m, d] = inDays(stack, 0).split('-') as [string, string, string];
    const paid = { action: 'paid', payment: 'P2', ...date('paidOn-P2', d, m, y) };
    expect((await send(paid)).status).toBe(303);
    const again = await send(paid);
    expect(again.status).toBe(400);
    expect(errorSummary(again.html)).toEqual([
      ['paid-P2', expect.stringMatching(/^Payment P2 was already recorded as paid on \d+ \w+ \d{4}$/)],
    ]);
  });

  it('refuses an action no page has, and a hidden field that names no record, without writing', async () => {
    const before = await getContract(stack, council(), contract.id);
    expect((await send({ action: 'toString' })).status).toBe(400);
    await refused({ action: 'decide', milestone: 'P1', 'status-M1': 'met' }, [
      ['milestone', 'Milestone must be a milestone (M1…) or KPI (K1…) id'],
    ]);
    expect((await getContract(stack, council(), contract.id)).version).toBe(before.version);
  });
});
