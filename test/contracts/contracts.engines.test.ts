import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fillIn, linksIn, openLink } from '../../infra/local/mailbox-links';
import type { SeededFunder } from '../../infra/local/scenario';
import { advanceToMorning, type ContractView, contractBody, getContract, mailTo, register } from '../support/contract';
import { today } from '../support/grant';
import { ocdsValidators, offCodelist } from '../support/ocds';
import { useTestStack } from '../support/use-stack';

const { stack, funders } = useTestStack({ seed: true });
/** The day each test's timeline counts from (the virtual clock moves on across tests). */
let start: string;
const council = () => funders[0] as SeededFunder;
const contact = () => council().org.contactEmail;

const ragOf = (c: ContractView, id: string) => c.milestones.find((m) => m.id === id)?.rag;

describe("a council tracks a contract's milestones", () => {
  it('alerts before due with an evidence link; the supplier sends evidence; decisions are told; overdue turns red, alerted once', async () => {
    const supplier = 'alerts@wyvern-va.example.org';
    start = today(stack);
    const c = await register(stack, council(), contractBody(stack, 'Alerted contract', [20, 40], supplier));
    expect(c.milestones.map((m) => [m.id, m.status])).toEqual([
      ['M1', 'scheduled'],
      ['M2', 'scheduled'],
    ]);
    expect((await getContract(stack, council(), c.id)).rag).toMatchObject({ rag: 'green', why: 'everything due is met' });
    await stack.runtime.settle();
    const names = stack.runtime.scheduler.list().map((s) => s.key.split('/')[1]);
    expect(names.filter((n) => n?.startsWith(`ms-${c.id}-M1-`)).map((n) => n?.split('-').at(-1))).toEqual(['m14', 'm3', 'p1']);

    // 14 days before M1: the supplier gets a link, the council a note; M1 turns amber.
    await advanceToMorning(stack, start, 6);
    const [coming] = await mailTo(stack, supplier, /^Coming up: Milestone 1 of Alerted contract/);
    expect(await mailTo(stack, contact(), /^Coming up: Milestone 1 of Alerted contract/)).toHaveLength(1);
    expect(ragOf(await getContract(stack, council(), c.id), 'M1')).toEqual({ rag: 'amber', why: 'due in 14 days, no evidence yet' });

    // The link: opened twice (a mail scanner), then the evidence sent once.
    const url = linksIn(coming, 'milestone')[0] as string;
    expect((await openLink(url)).status).toBe(200);
    const form = await openLink(url);
    expect(form.html).toContain('A list of the groups and their reviews.');
    const sent = await fillIn(url, { text: 'Ten reviews done; list attached.', url: 'https://wyvern-va.example.org/reviews' });
    expect([sent.status, sent.html.includes('Thank you: your evidence has been sent')]).toEqual([200, true]);
    expect((await fillIn(url, { text: 'Again' })).status).toBe(410);
    await stack.runtime.settle();
    expect(await mailTo(stack, contact(), /^Evidence to decide: Milestone 1 of Alerted contract/)).toHaveLength(1);
    expect(ragOf(await getContract(stack, council(), c.id), 'M1')).toEqual({ rag: 'green', why: 'evidence received, awaiting a decision' });

    // Three days before: evidence is in, so no second reminder; then met, and both are told.
    await advanceToMorning(stack, start, 17);
    expect(await mailTo(stack, supplier, /^Coming up: Milestone 1 of/)).toHaveLength(1);
    await stack.api.call(council().admin, 'POST', `/contracts/${c.id}/milestones/M1/decision`, { status: 'met' });
    await stack.runtime.settle();
    expect(await mailTo(stack, supplier, /^Milestone 1 of Alerted contract: met/)).toHaveLength(1);
    expect(await mailTo(stack, contact(), /^Milestone 1 of Alerted contract: met/)).toHaveLength(1);
    // The overdue alert fires after it was met: nothing.
    await advanceToMorning(stack, start, 21);
    expect(await mailTo(stack, supplier, /^Overdue: Milestone 1 of/)).toHaveLength(0);

    // M2 is missed: overdue the morning after, red; the same alert fired again sends nothing more.
    await advanceToMorning(stack, start, 41);
    expect(await mailTo(stack, supplier, /^Overdue: Milestone 2 of Alerted contract/)).toHaveLength(1);
    expect(await mailTo(stack, contact(), /^Overdue: Milestone 2 of Alerted contract/)).toHaveLength(1);
    const m2 = (await getContract(stack, council(), c.id)).milestones[1];
    await stack.runtime.lambdas.invoke('sendMilestoneAlert', {
      kind: 'milestone-alert',
      contractId: c.id,
      milestoneId: 'M2',
      dueDate: m2?.dueDate,
      offsetDays: 1,
    });
    expect(await mailTo(stack, supplier, /^Overdue: Milestone 2 of Alerted contract/)).toHaveLength(1);
    const red = await getContract(stack, council(), c.id);
    expect(red.rag).toMatchObject({ rag: 'red', why: `M2 Milestone 2 of Alerted contract: overdue by 1 day` });

    const noReason = await stack.request('POST', `/contracts/${c.id}/milestones/M2/decision`, {
      as: council().admin,
      body: { status: 'notMet' },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.issues).toContainEqual(expect.objectContaining({ field: 'reason', rule: 'required' }));
    await stack.api.call(council().admin, 'POST', `/contracts/${c.id}/milestones/M2/decision`, {
      status: 'notMet',
      reason: 'No report received.',
    });
    await stack.runtime.settle();
    expect((await mailTo(stack, supplier, /^Milestone 2 of Alerted contract: not met/))[0]?.body.text).toContain('No report received.');
  });

  it('a moved milestone is alerted on its new date only; a terminated contract alerts nobody', async () => {
    const supplier = 'moved@wyvern-va.example.org';
    start = today(stack);
    const c = await register(stack, council(), contractBody(stack, 'Moved contract', [60, 90], supplier));
    const due = (d: number) => contractBody(stack, '', [d]).milestones[0]?.dueDate;
    const amended = await stack.api.call<ContractView>(council().admin, 'POST', `/contracts/${c.id}/amendments`, {
      why: 'The supplier asked for more time for the first review.',
      dueDates: { M1: due(70) },
    });
    expect(amended.amendments[0]?.changes).toEqual([{ field: 'milestones.M1.dueDate', from: due(60), to: due(70) }]);
    expect(amended.milestones[0]?.sequence).toBe(1);
    await stack.runtime.settle();
    // The old date's 14-day alert (day 46) finds the milestone moved; the new one (day 56) alerts.
    await advanceToMorning(stack, start, 46);
    expect(await mailTo(stack, supplier, /^Coming up: Milestone 1 of Moved contract/)).toHaveLength(0);
    await advanceToMorning(stack, start, 56);
    expect(await mailTo(stack, supplier, /^Coming up: Milestone 1 of Moved contract/)).toHaveLength(1);

    const ended = await stack.api.call<ContractView>(council().admin, 'POST', `/contracts/${c.id}/status`, {
      status: 'terminated',
      reason: 'Ended early by agreement.',
    });
    expect(ended).toMatchObject({ status: 'terminated', statusReason: 'Ended early by agreement.' });
    await advanceToMorning(stack, start, 91);
    expect(await mailTo(stack, supplier, /Moved contract/)).toHaveLength(1);
    expect((await getContract(stack, council(), c.id)).rag).toBeNull();
  });

  it("lists a council's contracts worst first, by status and supplier; only its members see them; its policy sets the amber window", async () => {
    const a = await register(stack, council(), contractBody(stack, 'Soon contract', [45], 'soon@eastbrook-cvs.example.org'));
    const list = (query = '') =>
      stack.api.call<{ rows: { id: string; title: string; rag: { rag: string } | null }[]; suppliers: string[] }>(
        council().admin,
        'GET',
        `/councils/${council().org.id}/contracts${query}`,
      );
    const all = await list();
    expect(all.rows[0]?.rag?.rag).toBe('red');
    expect(all.rows.at(-1)?.rag).toBeNull();
    expect((await list('?status=terminated')).rows.map((r) => r.title)).toEqual(['Moved contract']);
    expect((await list('?supplier=WYVERN')).rows).toHaveLength(3);

    expect(all.rows.find((r) => r.id === a.id)?.rag?.rag).toBe('green');
    const bad = await stack.request('PUT', `/councils/${council().org.id}/contract-policy`, {
      as: council().admin,
      body: { amberWithinDays: 120, alertOffsetsDays: [3] },
    });
    expect(bad.status).toBe(400);
    await stack.api.call(council().admin, 'PUT', `/councils/${council().org.id}/contract-policy`, {
      amberWithinDays: 60,
      alertOffsetsDays: [-7],
    });
    expect((await list()).rows.find((r) => r.id === a.id)?.rag?.rag).toBe('amber');

    const outsider = funders[2] as SeededFunder;
    expect((await stack.request('GET', `/contracts/${a.id}`, { as: outsider.admin })).status).toBe(404);
    expect((await stack.request('GET', `/councils/${council().org.id}/contracts`, { as: outsider.admin })).status).toBe(404);
    const notCouncil = await stack.request('POST', `/councils/${outsider.org.id}/contracts`, {
      as: outsider.admin,
      body: contractBody(stack, 'Not a council', [10]),
    });
    expect([notCouncil.status, notCouncil.body.rule]).toEqual([409, 'council-only']);
  });

  it('exports every milestone as CSV, and a contract as OCDS that validates', async () => {
    // The policy is now amber within 60 days (the test above): M2 is due after that.
    const c = await register(stack, council(), contractBody(stack, 'Exported contract', [10, 90]));
    await stack.api.call(council().admin, 'POST', `/contracts/${c.id}/milestones/M1/decision`, {
      status: 'partiallyMet',
      reason: 'Half the groups',
    });
    const res = await fetch(`${stack.runtime.apiUrl}/councils/${council().org.id}/milestones?format=csv`, {
      headers: { authorization: `Bearer ${await stack.runtime.issuer.sign({ sub: council().admin.id, email: council().admin.email })}` },
    });
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    const mine = rows.filter((r) => r.contract_id === c.id);
    expect(mine.map((r) => [r.milestone_id, r.status, r.rag, r.decision_reason])).toEqual([
      ['M1', 'partiallyMet', 'amber', 'Half the groups'],
      ['M2', 'scheduled', 'green', ''],
    ]);
    // Closed contracts are listed too, without a RAG.
    expect(rows.find((r) => r.contract === 'Moved contract')).toMatchObject({ rag: '', rag_reason: 'contract terminated' });

    const pkg = await stack.api.call<Record<string, unknown>>(council().admin, 'GET', `/contracts/${c.id}/ocds`);
    const { release } = ocdsValidators();
    expect(release(pkg), JSON.stringify(release.errors)).toBe(true);
    expect(offCodelist(pkg)).toEqual([]);
  });
});
