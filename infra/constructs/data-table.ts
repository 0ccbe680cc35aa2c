import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { tableDefinition } from '../../shared/platform/table-definition';

const str = (name: string) => ({ name, type: AttributeType.STRING });

// TransactWrite/TransactGet are authorised as their parts, so these lists cover them too.
// Lists are served by Query on a key or an index, so no function is granted Scan.
const readActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
const writeActions = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
];

/** The single table, built from the same definition the local runtime creates its table from. */
export class DataTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      partitionKey: str(tableDefinition.partitionKey),
      sortKey: str(tableDefinition.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      stream: StreamViewType[tableDefinition.streamViewType],
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      // The table is the system of record: a stack deletion must never take the data with it.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of tableDefinition.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: str(index.partitionKey),
        sortKey: str(index.sortKey),
        projectionType: ProjectionType.ALL,
      });
    }
  }

  /**
   * Like Table.grantReadData, but naming each index instead of `index/*`, and without the
   * stream and DescribeTable actions handlers never call.
   */
  grantRead(grantee: IGrantable): void {
    const arn = this.table.tableArn;
    const indexes = tableDefinition.globalSecondaryIndexes.map((i) => `${arn}/index/${i.indexName}`);
    grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: readActions, resources: [arn, ...indexes] }));
  }

  /** Writes go to the table only: indexes are maintained by DynamoDB, never written directly. */
  grantWrite(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: writeActions, resources: [this.table.tableArn] }));
  }
}
