/**
 * The single DynamoDB table, as plain data: the CDK data stack (infra/aws/stacks/data-stack.ts) and the local
 * DynamoDB (infra/local/dynamodb-local.ts) both build the table from this, so keys and indexes have one source.
 *
 * Its items, keys and access patterns (every list is a Query on a key or an index, never a Scan) are listed
 * once, with their bounds, in docs/ARCHITECTURE.md (Single-table design); the keys are built in keys.ts.
 */
export const tableDesign = {
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLiveAttribute: 'expiresAt',
  globalIndexes: [{ indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' }],
} as const;

/**
 * The audit trail's own table (NEN 7513): append-only, deletion protection on every stage, entries expire
 * after the retention period through TTL. Kept apart from the product's table so its access is apart too:
 * the API functions may only add entries; only the audit capability reads them.
 *
 * | item        | pk                   | sk          | gsi1pk          | gsi1sk      | gsi2pk                               | gsi2sk      |
 * |-------------|----------------------|-------------|-----------------|-------------|--------------------------------------|-------------|
 * | Audit entry | PERSON#<persoonRef>  | <at>#<id>   | USER#<userId>   | <at>#<id>   | NOOD#<orgId>#<teamId> (only emergency)| <at>#<id>   |
 * |             | (or DAY#<date> when no person: lists, anonymous attempts)                                              |
 *
 * A. A person's access report: Query pk = PERSON#<persoonRef>, newest first.
 * B. What a user looked at: Query gsi1 USER#<userId>, newest first.
 * C. Emergency access to a team's records, for its team lead: Query gsi2 NOOD#<org>#<team>.
 */
export const auditTableDesign = {
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLiveAttribute: 'expiresAt',
  globalIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
} as const;

export type TableDesign = typeof tableDesign | typeof auditTableDesign;
