/**
 * The single DynamoDB table, as plain data: the CDK data stack (infra/stacks/data-stack.ts) and the local
 * DynamoDB (infra/local/dynamodb-local.ts) both build the table from this, so keys and indexes have one source.
 *
 * Items and access patterns (every list is a Query on a key or an index, never a Scan):
 *
 * | item                  | pk                        | sk                         | gsi1pk                        | gsi1sk                 |
 * |-----------------------|---------------------------|----------------------------|-------------------------------|------------------------|
 * | Transition            | TRANSITION#<id>           | TRANSITION                 | TEAM#<org>#<team>#TRANSITIONS | <createdAt>#<id>       |
 * | Begeleider assignment | TRANSITION#<id>           | BEGELEIDER#<userId>        | USER#<userId>#TRANSITIONS     | <createdAt>#<id>       |
 * | Timeline event        | TRANSITION#<id>           | EVENT#<at>#<versie>#<id>   |                               |                        |
 * | Organisation          | ORG#<orgId>               | ORG                        |                               |                        |
 * | Staff member          | ORG#<orgId>               | STAFF#<userId>             |                               |                        |
 * | Idempotency record    | IDEMPOTENCY#<userId>#<key>| IDEMPOTENCY                |                               |                        |
 * | Active person lock    | PERSON#<sha256(name,dob)> | ACTIVE                     |                               |                        |
 * | Wijk placements       | WIJK#<gemeente>#<wijk>    | PLAATSINGEN                |                               |                        |
 * | Organisation (by kind)| ORG#<orgId>               | ORG                        | ORGS#<soort>                  | <naam>                 |
 * | Regelbudget           | TRANSITION#<id>           | BUDGET                     |                               |                        |
 * | Spend                 | TRANSITION#<id>           | SPEND#<spendId>            | GEMEENTE#<code>#INBOX (sparse)| <proposedAt>#<spendId> |
 * | Ledger entry          | TRANSITION#<id>           | LEDGER#<at>#<id>           | GEMEENTE#<code>#LEDGER        | <at>#<id>              |
 * | Signal                | TRANSITION#<id>           | SIGNAL#<at>#<id>           |                               |                        |
 * | Contactmoment         | TRANSITION#<id>           | CONTACT#<at>#<id>          |                               |                        |
 * | Task                  | TRANSITION#<id>           | TAAK#<signal>.<rol>.<user> | USER#<userId>#TAKEN (open)    | <deadline>#<taskId>    |
 * | Signal raised once    | TRANSITION#<id>           | SIGNAL-ONCE#<signalId>     |                               |                        |
 *
 * 1. Open a transition: GetItem pk=TRANSITION#id, sk=TRANSITION.
 * 2. Timeline of a transition: Query pk=TRANSITION#id, sk begins_with EVENT# (chronological by sk).
 * 3. My transitions (begeleider): Query gsi1 gsi1pk=USER#me#TRANSITIONS, newest first. The assignment item
 *    carries a copy of the transition summary, written in the same transaction as the transition.
 * 4. Transitions of a team: Query gsi1 gsi1pk=TEAM#org#team#TRANSITIONS, newest first.
 * 5. Staff of an organisation: Query pk=ORG#org, sk begins_with STAFF#.
 * 6. Replay of a request: GetItem on its idempotency record (expires after 24 hours through TTL).
 * 7. One active transition per person: the lock is a conditional Put in the aanmelding's transaction,
 *    deleted in the transaction that makes the transition geland.
 * 8. Spreiding: GetItem on the wijk's counter, changed (ADD ±1) in the transaction that places or unplaces.
 * 9. Corporations to choose from: Query gsi1 gsi1pk=ORGS#woningcorporatie.
 * 10. A transition's regelbudget: GetItem BUDGET; its spends and ledger: Query pk, sk begins_with SPEND# / LEDGER#.
 * 11. A budget holder's inbox: Query gsi1 GEMEENTE#<code>#INBOX — only spends awaiting approval carry the key.
 * 12. Finance export: Query gsi1 GEMEENTE#<code>#LEDGER, gsi1sk BETWEEN <from> AND <to>.
 * 13. Signals of a transition, newest first: Query pk, sk begins_with SIGNAL#.
 * 14. Recent contactmomenten, newest first: Query pk, sk begins_with CONTACT#, Limit 20.
 * 15. My open tasks, earliest deadline first: Query gsi1 USER#<me>#TAKEN — only open tasks carry the key.
 * 16. The tasks of a signal (closed when it is picked up or resolved): Query pk, sk begins_with TAAK#<signalId>.
 * 17. The team's caseload: pattern 4, paged up to 1,000, with the levels of support on each summary.
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
