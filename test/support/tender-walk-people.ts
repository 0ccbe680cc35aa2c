import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { SeededFunder } from '../../infra/local/scenario';
import { TITLE } from './tender-walk';
import type { walk } from './walk';

/**
 * The funders' staff in issue 25's tender walk, each in their own browser: signing in (again,
 * once a jump of the virtual clock has ended their session), and what they do from "What needs
 * me": signing off the tender, voting on its award.
 */
export function walkPeople(w: ReturnType<typeof walk>) {
  const { as, step, link, pick, fill, button, main } = w;
  const staff = (who: SeededFunder) => ({ staff: who.admin });
  /** Days later, a session has ended (eight hours after its last request): the person signs in again in their browser. */
  const again = async (who: SeededFunder) => {
    const page = await as(staff(who));
    await step(`${who.org.name} signs in again`, page, () => w.signIn(page, who.admin.email));
    return page;
  };
  const toDo = async (page: Page, task: string | RegExp) => {
    await link(page, 'What needs me');
    await link(page, task);
  };
  const signOff = async (who: SeededFunder, decision: 'Approve' | 'Refuse', reason = '') => {
    const page = await as(staff(who), `${who.org.name} signs in`);
    await step(`${who.org.name}: ${decision.toLowerCase()} from what needs me`, page, async () => {
      await toDo(page, `Sign off: ${TITLE}`);
      await pick(page, decision);
      if (reason) await fill(page, 'Reason (needed to refuse)', reason);
      await button(page, 'Send sign-off');
      await expect(main(page)).resolves.toContain(decision === 'Approve' ? 'Your organisation approved' : 'Your refusal has been recorded');
    });
  };
  const voteAward = (who: SeededFunder, page: Page) =>
    step(`${who.org.name} votes on the award from what needs me`, page, async () => {
      await toDo(page, `Vote on the award: ${TITLE}`);
      await pick(page, 'Approve the award');
      await button(page, 'Send vote');
      await expect(main(page)).resolves.toContain('Your vote on the award is recorded');
    });
  return { staff, again, toDo, signOff, voteAward };
}
