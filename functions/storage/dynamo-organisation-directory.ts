import { BatchGetCommand, GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Organisation, StaffMember } from '../../shared/domain/organisation/organisation';
import type { OrganisationDirectory } from '../organisation/ports';
import { keys } from './keys';

/** An organisation's directory is small (tens to a few hundred staff), as is a region's list of corporations. */
const STAFF_PAGE_LIMIT = 1000;

/** The item of an organisation, findable by its kind (gsi1). */
export function organisationItem(o: Organisation) {
  return {
    ...keys.organisation(o.id),
    gsi1pk: keys.organisationsOfKind(o.soort),
    gsi1sk: o.naam,
    entity: 'Organisation',
    ...o,
  };
}

export class DynamoOrganisationDirectory implements OrganisationDirectory {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async organisation(organisationId: string): Promise<Organisation | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.organisation(organisationId) }),
    );
    return Item ? Organisation.parse(Item) : undefined;
  }

  async organisationsOfKind(soort: Organisation['soort']): Promise<Organisation[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.organisationsOfKind(soort) },
        Limit: STAFF_PAGE_LIMIT,
      }),
    );
    return (Items ?? []).map((item) => Organisation.parse(item));
  }

  async staff(organisationId: string): Promise<StaffMember[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.staffPartition(organisationId), ':prefix': keys.staffPrefix },
        Limit: STAFF_PAGE_LIMIT,
      }),
    );
    return (Items ?? []).map((item) => StaffMember.parse(item));
  }

  async staffMembers(organisationId: string, userIds: readonly string[]): Promise<StaffMember[]> {
    if (userIds.length === 0) return [];
    const { Responses, UnprocessedKeys } = await this.db.send(
      new BatchGetCommand({
        RequestItems: {
          [this.tableName]: { Keys: [...new Set(userIds)].map((id) => keys.staffMember(organisationId, id)) },
        },
      }),
    );
    // Two keys at most in practice; rather fail (and be retried) than silently treat someone as unknown.
    if (Object.keys(UnprocessedKeys ?? {}).length > 0) throw new Error('staff lookup throttled');
    return (Responses?.[this.tableName] ?? []).map((item) => StaffMember.parse(item));
  }
}
