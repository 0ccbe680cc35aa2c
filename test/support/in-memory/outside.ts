import { conflict } from '../../../shared/platform/errors';
import type { DomainEvent } from '../../../shared/platform/events';
import type { Email, EventPublisher, Mailer, OneTimeSchedule, Scheduler, Workflows } from '../../../shared/platform/ports';

/**
 * The outside world for fast tests: what would be sent, started, resumed or scheduled is
 * recorded, with the same idempotency the real services give (a started name starts once, a
 * schedule name is created once, an answered token is gone).
 */
export function memoryOutside() {
  const emails: Email[] = [];
  const started = new Map<string, { workflowId: string; input: unknown }>();
  const tokens = new Map<string, { output?: unknown; error?: string }>();
  const schedules = new Map<string, OneTimeSchedule>();
  const published: DomainEvent[] = [];

  const mailer: Mailer = {
    async send(email) {
      emails.push(email);
      return { messageId: `m${emails.length}` };
    },
  };
  const workflows: Workflows = {
    async start(workflowId, name, input) {
      if (started.has(name)) return { started: false };
      started.set(name, { workflowId, input });
      return { started: true };
    },
    async succeed(taskToken, output) {
      if (tokens.has(taskToken))
        throw conflict('the workflow is no longer waiting for this step (it was already answered or has timed out)');
      tokens.set(taskToken, { output });
    },
    async fail(taskToken, error) {
      if (tokens.has(taskToken))
        throw conflict('the workflow is no longer waiting for this step (it was already answered or has timed out)');
      tokens.set(taskToken, { error });
    },
  };
  const scheduler: Scheduler = {
    async scheduleOnce(s) {
      if (schedules.has(s.name)) return { created: false };
      schedules.set(s.name, s);
      return { created: true };
    },
  };
  const publisher: EventPublisher = {
    async publish(events) {
      published.push(...events);
    },
  };
  return { mailer, workflows, scheduler, publisher, emails, started, tokens, schedules, published };
}
