import { beforeAll, describe, expect, it } from 'vitest';
import type { Round } from '../../shared/pools/round';
import { addProvider, EASTBROOK } from '../support/consortia';
import { errorSummary, type PageClient, signInAs, textareaIn } from '../support/pages';
import { setupPool } from '../support/pool';
import { DAY } from '../support/stack';
import { useTestStack } from '../support/use-stack';

/**
 * The round page's two forms over plain HTTP, as a browser without JavaScript sends them: each is
 * decoded into the schema its JSON route parses with (`newVote`, `leadDecisionBody`), so a form
 * the schema refuses answers 400 with the field named by its label, keeps what was typed and
 * writes nothing, and a refusal by the rules shows on the page, against the form.
 */
const { stack, funders, funder: f } = useTestStack({ seed: true });
let round: Round;
type RoundRead = Round & { votes: { orgId: string; decision: string; comment?: string }[] };
const read = () => stack.api.call<RoundRead>(f(0).admin, 'GET', `/rounds/${round.id}`);
const post = async (c: PageClient, fields: Record<string, string>) =>
  c.post(`/app/rounds/${round.id}`, { ...fields, csrf: await c.csrf() });
/** The error summary's entries, [the field it links to on this page, its message]. */
const summary = (html: string) => errorSummary(html, 'this page');

beforeAll(async () => {
  const recipient = await addProvider(stack, EASTBROOK);
  // The lead put in 40%, then 30%, 20% and 10% from three members; the quorum is 50%.
  const setup = await setupPool(stack, funders, 'Round Page Fund');
  for (const [i, amount] of [400_000, 300_000, 200_000, 100_000].entries()) await setup.receive(await setup.pledge(f(i), amount), amount);
  round = await stack.api.call<Round>(f(0).admin, 'POST', `/pools/${setup.pool.id}/rounds`, { name: 'Page round' });
  await stack.runtime.settle();
  await stack.api.call(f(1).admin, 'POST', `/rounds/${round.id}/proposals`, {
    recipientOrgId: recipient.id,
    title: 'Governance support',
    amount: 100_000,
    currency: 'GBP',
    durationMonths: 12,
  });
  await stack.api.call(f(0).admin, 'POST', `/rounds/${round.id}/close`);
  await stack.runtime.settle();
});

describe('the round page forms', () => {
  it('the vote: empty, or a comment over 1,000 characters, is refused with the field named and nothing saved; at 1,000 it is saved', async () => {
    const member = await signInAs(stack, f(1).admin.email);
    const page = (await member.get(`/app/rounds/${round.id}`)).html;
    expect(page).toContain('At most 1,000 characters.');
    expect(page).toContain('id="vote"');
    const before = await stack.itemCount();

    const empty = await post(member, { action: 'vote' });
    expect(empty.status).toBe(400);
    expect(summary(empty.html)).toEqual([['decision', 'Select approve or reject']]);

    // A comment typed without a decision is kept for the second try.
    const noDecision = await post(member, { action: 'vote', comment: 'Good value for the north.' });
    expect(summary(noDecision.html)).toEqual([['decision', 'Select approve or reject']]);
    expect(textareaIn(noDecision.html, 'comment')).toBe('Good value for the north.');

    const long = `${'a'.repeat(999)}b`;
    const over = await post(member, { action: 'vote', decision: 'approve', comment: `${long}c` });
    expect(over.status).toBe(400);
    expect(summary(over.html)).toEqual([['comment', 'Comment must be 1,000 characters or fewer']]);
    expect(textareaIn(over.html, 'comment')).toBe(`${long}c`);
    expect(over.html).toMatch(/id="decision" name="decision" type="radio" value="approve" checked/);
    expect((await read()).votes).toEqual([]);
    expect(await stack.itemCount()).toBe(before);

    const voted = await post(member, { action: 'vote', decision: 'approve', comment: long });
    expect([voted.status, voted.location]).toEqual([303, `/app/rounds/${round.id}?done=voted`]);
    expect((await member.get(voted.location as string)).html).toContain('Your vote has been recorded.');
    const votes = (await read()).votes;
    expect(votes.map((v) => [v.orgId, v.decision, v.comment])).toEqual([[f(1).org.id, 'approve', long]]);

    // A second vote is a rule's refusal: a message on the page against the form, not an error page.
    const again = await post(member, { action: 'vote', decision: 'reject' });
    expect(again.status).toBe(400);
    expect(summary(again.html)).toEqual([['vote', `Your organisation has already voted in round ${round.id}`]]);
    expect(again.html).toContain('<h1 class="govuk-heading-l">Page round</h1>');
    expect((await read()).votes).toHaveLength(1);
  });

  it('the lead’s decision: empty is refused; before voting times out the rule refuses it, shown on the page', async () => {
    const lead = await signInAs(stack, f(0).admin.email);
    const empty = await post(lead, { action: 'lead-decision' });
    expect(empty.status).toBe(400);
    expect(summary(empty.html)).toEqual([['decision', 'Select approve or reject']]);
    const early = await post(lead, { action: 'lead-decision', decision: 'approve' });
    expect(early.status).toBe(400);
    expect(summary(early.html)).toEqual([
      ['lead-decision', 'Round Page round is voting; the lead decides only after voting has timed out'],
    ]);
    expect((await read()).status).toBe('voting');
    // A form no page has is refused whole.
    expect((await post(lead, { action: 'no-such-form', decision: 'approve' })).status).toBe(400);
  });

  it('after voting times out, the lead decides by the form', async () => {
    await stack.runtime.advanceTo(new Date(stack.clock.now().getTime() + 7 * DAY + 60_000));
    expect((await read()).status).toBe('escalated');
    const lead = await signInAs(stack, f(0).admin.email);
    expect((await lead.get(`/app/rounds/${round.id}`)).html).toContain('id="lead-decision"');
    const decided = await post(lead, { action: 'lead-decision', decision: 'approve' });
    expect([decided.status, decided.location]).toEqual([303, `/app/rounds/${round.id}?done=decided`]);
    await stack.runtime.settle();
    expect((await read()).status).toBe('committed');
  });
});
