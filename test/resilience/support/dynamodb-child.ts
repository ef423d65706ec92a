/**
 * A process that starts DynamoDB Local on a data folder the way `npm start` does, says where, and waits to be
 * killed: test/resilience/restart.test.ts kills it to leave its DynamoDB Local orphaned.
 *   node --import tsx test/resilience/support/dynamodb-child.ts <port> <data folder>
 */
import { startDynamoDbLocal } from '../../../infra/local/dynamodb-local';

const [port, dataDir] = process.argv.slice(2);
const dynamo = await startDynamoDbLocal({ port: Number(port), dataDir: dataDir! });
process.stdout.write(`ready ${dynamo.endpoint}\n`);
setInterval(() => undefined, 60_000);
