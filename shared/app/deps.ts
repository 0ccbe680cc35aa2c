import type { Clock, EventPublisher, Mailer, Scheduler, Store, Workflows } from '../ports';
import type { GrantStore } from '../ports/grants';
import type { PoolStore } from '../ports/pools';

export interface Deps {
  store: Store;
  pools: PoolStore;
  grants: GrantStore;
  mailer: Mailer;
  workflows: Workflows;
  scheduler: Scheduler;
  publisher: EventPublisher;
  clock: Clock;
}
