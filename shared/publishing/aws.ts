import { dynamoConsortia } from '../consortia/dynamodb-store';
import { clock } from '../platform/clock';
import { dynamoRounds } from '../pools/dynamodb-rounds';
import { dynamoPools } from '../pools/dynamodb-store';
import { dynamoFeeds } from './dynamodb-feeds';
import { dynamoPublishing } from './dynamodb-store';
import { readyToPublish } from './self-check';
import type { PublishingSettings } from './settings';

const records = { consortia: dynamoConsortia, pools: dynamoPools, rounds: dynamoRounds, publishing: dynamoPublishing, clock };

/**
 * What publishing reads and writes on the DynamoDB table, and the clock: what its handlers
 * compose from. Publishing begins only once the self-check finds nothing that must be put right.
 */
export const publishingTable = { ...records, readyToPublish: (next: PublishingSettings) => readyToPublish(records, next) };

/** What the public documents' route reads: the documents alone, never another record. */
export const openData = { feeds: dynamoFeeds, clock };
