import { DescribeTableCommand, DynamoDBClient, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { SQSClient, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { deliveryHealthy, tableActive } from '../../functions/meta/dependency-checks';
import { checkHealth } from '../../functions/meta/health';
import { createMetaApi } from '../../functions/meta/api';
import { invoke } from '../support/api-events';

/** The health endpoint: each part checked at once, bounded in time, and nothing but ok or failing told. */
describe('health', () => {
  it('is ok when every part answers, degraded when one fails, hangs or throws', async () => {
    expect(await checkHealth({ a: async () => true, b: async () => true })).toEqual({
      status: 'ok',
      checks: { a: 'ok', b: 'ok' },
    });
    const result = await checkHealth(
      {
        answers: async () => true,
        refuses: async () => false,
        throws: async () => {
          throw new Error('AccessDenied for arn:aws:dynamodb:…:table/landing-prod');
        },
        throwsAtOnce: () => {
          throw new Error('missing setting');
        },
        hangs: () => new Promise<boolean>(() => undefined),
      },
      50,
    );
    expect(result).toEqual({
      status: 'degraded',
      checks: { answers: 'ok', refuses: 'failing', throws: 'failing', throwsAtOnce: 'failing', hangs: 'failing' },
    });
  });

  it('answers 200 when every part is ok, 503 with the same readable body when one fails (a canary reads the code)', async () => {
    const healthy = createMetaApi(() => ({ database: async () => true }));
    expect(await invoke(healthy, { routeKey: 'GET /api/health' })).toMatchObject({
      status: 200,
      body: { status: 'ok', checks: { database: 'ok' } },
    });
    const degraded = createMetaApi(() => ({ database: async () => true, wekkers: async () => false }));
    const response = await invoke(degraded, { routeKey: 'GET /api/health' });
    expect(response).toMatchObject({
      status: 503,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      body: { status: 'degraded', checks: { database: 'ok', wekkers: 'failing' } },
    });
  });

  it('answers through the API with the parts only, never an error text', async () => {
    const api = createMetaApi(() => ({
      database: async () => true,
      webhooks: async () => Promise.reject(new Error('queue https://sqs… not found')),
    }));
    const response = await invoke(api, { routeKey: 'GET /api/health' });
    expect(response).toMatchObject({
      status: 503,
      body: { status: 'degraded', checks: { database: 'ok', webhooks: 'failing' } },
    });
    expect(JSON.stringify(response.body)).not.toMatch(/sqs|not found/);
  });

  it('reads a table as failing unless it is ACTIVE', async () => {
    const dynamo = mockClient(DynamoDBClient);
    dynamo.on(DescribeTableCommand, { TableName: 'ok' }).resolves({ Table: { TableStatus: 'ACTIVE' } });
    dynamo.on(DescribeTableCommand, { TableName: 'restoring' }).resolves({ Table: { TableStatus: 'UPDATING' } });
    dynamo
      .on(DescribeTableCommand, { TableName: 'gone' })
      .rejects(new ResourceNotFoundException({ message: 'not found', $metadata: {} }));
    const client = new DynamoDBClient({ region: 'eu-west-1' });
    expect(
      await checkHealth({
        ok: tableActive(client, 'ok'),
        restoring: tableActive(client, 'restoring'),
        gone: tableActive(client, 'gone'),
      }),
    ).toEqual({
      status: 'degraded',
      checks: { ok: 'ok', restoring: 'failing', gone: 'failing' },
    });
    dynamo.restore();
  });

  it('calls webhook delivery failing while a message sits in the dead-letter queue', async () => {
    const sqs = mockClient(SQSClient);
    sqs
      .on(GetQueueAttributesCommand, { QueueUrl: 'q' })
      .resolves({ Attributes: { ApproximateNumberOfMessages: '12' } });
    sqs
      .on(GetQueueAttributesCommand, { QueueUrl: 'dlq-empty' })
      .resolves({ Attributes: { ApproximateNumberOfMessages: '0' } });
    sqs
      .on(GetQueueAttributesCommand, { QueueUrl: 'dlq-one' })
      .resolves({ Attributes: { ApproximateNumberOfMessages: '1' } });
    const client = new SQSClient({ region: 'eu-west-1' });
    expect(await deliveryHealthy(client, 'q', 'dlq-empty')()).toBe(true);
    expect(await deliveryHealthy(client, 'q', 'dlq-one')()).toBe(false);
    sqs.restore();
  });
});
