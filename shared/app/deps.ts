import type { Clock, EventPublisher, Mailer, Scheduler, Store, Workflows } from '../ports';

export interface Deps {
  store: Store;
  mailer: Mailer;
  workflows: Workflows;
  scheduler: Scheduler;
  publisher: EventPublisher;
  clock: Clock;
}
