import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { meterReads } from './read-meter';

/**
 * A document client. The endpoint comes from the SDK's own settings (AWS_ENDPOINT_URL_DYNAMODB locally),
 * so the code path is the same against DynamoDB Local and AWS. It carries the read meter (read-meter.ts),
 * which passes every call straight on unless the benchmark turns it on.
 */
export function createDocumentClient(client: DynamoDBClient = new DynamoDBClient({})): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(meterReads(client), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
