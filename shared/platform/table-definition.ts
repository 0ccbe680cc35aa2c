/**
 * The single table's physical design, declared once. The CDK stack and the local runtime
 * both build the table from this object, and a test checks the synthesized template against
 * it, so the two targets cannot drift.
 */
interface IndexDefinition {
  indexName: string;
  partitionKey: string;
  sortKey: string;
}

export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds; DynamoDB deletes expired items (link tokens, task-token records). */
  timeToLiveAttribute: 'expiresAt',
  streamViewType: 'NEW_AND_OLD_IMAGES',
  globalSecondaryIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ] as IndexDefinition[],
} as const;

/** All key attributes are strings. */
export const keyAttributes = (): string[] => [
  tableDefinition.partitionKey,
  tableDefinition.sortKey,
  ...tableDefinition.globalSecondaryIndexes.flatMap((g) => [g.partitionKey, g.sortKey]),
];
