import { dynamoGrantStore } from '../../shared/adapters/dynamodb/grant-store';
import { dynamoPoolStore } from '../../shared/adapters/dynamodb/pool-store';
import { dynamoStore } from '../../shared/adapters/dynamodb/store';
import { eventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { eventBridgeScheduler } from '../../shared/adapters/eventbridge-scheduler';
import { sesMailer } from '../../shared/adapters/ses-mailer';
import { sfnWorkflows } from '../../shared/adapters/sfn-workflows';
import type { Deps } from '../../shared/app/deps';
import { clock } from '../../shared/clock';

/** The composition root for every handler: real adapters, the process clock. */
export const deps: Deps = {
  store: dynamoStore,
  pools: dynamoPoolStore,
  grants: dynamoGrantStore,
  mailer: sesMailer,
  workflows: sfnWorkflows,
  scheduler: eventBridgeScheduler,
  publisher: eventBridgePublisher,
  clock,
};
