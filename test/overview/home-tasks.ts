import type { SeededFunder } from '../../infra/local/scenario';
import { signInAs } from '../support/pages';
import type { TestStack } from '../support/stack';

/** One task as "what needs me" shows it: the section's heading, the link's text and target, and the hint under it. */
export interface ShownTask {
  /** The heading without its count ("Tenders to sign off"). */
  section: string;
  label: string;
  href: string;
  hint: string;
}

const decode = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

/** Every task on the page, read from its HTML as a screen reader would meet it: under its heading. */
export function tasksIn(html: string): ShownTask[] {
  return html
    .split('<h2 class="govuk-heading-m">')
    .slice(1)
    .flatMap((chunk) => {
      const section = decode(chunk.slice(0, chunk.indexOf('</h2>'))).replace(/ \(\d+\)$/, '');
      return [...chunk.matchAll(/<li class="govuk-task-list__item[^"]*">([\s\S]*?)<\/li>/g)].map(([, item = '']) => ({
        section,
        label: decode(/<a [^>]*>([\s\S]*?)<\/a>/.exec(item)?.[1] ?? ''),
        href: /href="([^"]+)"/.exec(item)?.[1] ?? '',
        hint: decode(/<div class="govuk-task-list__hint">([\s\S]*?)<\/div>/.exec(item)?.[1] ?? ''),
      }));
    });
}

/**
 * What needs `who`, signed in afresh (the virtual clock moves days between looks, past any
 * session's end), optionally only the tasks that link to `href`.
 */
export async function whatNeeds(stack: TestStack, who: SeededFunder, href?: string): Promise<ShownTask[]> {
  const page = await (await signInAs(stack, who.admin.email)).get('/app');
  if (page.status !== 200) throw new Error(`what needs me for ${who.admin.email}: ${page.status}`);
  return tasksIn(page.html).filter((t) => !href || t.href === href);
}

/** DynamoDB calls of each `GET /app` request, in order: the SDK middleware's count, kept apart per invocation by the runtime. */
export function countHomeCalls(stack: TestStack): { calls: number[]; stop: () => void } {
  const calls: number[] = [];
  stack.runtime.lambdas.onInvoked = ({ usage, event }) => {
    if ((event as { routeKey?: string } | null)?.routeKey === 'GET /app') calls.push(usage.dynamodbCalls);
  };
  return {
    calls,
    stop: () => {
      stack.runtime.lambdas.onInvoked = undefined;
    },
  };
}
