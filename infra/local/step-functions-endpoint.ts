import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ExecutionAlreadyExistsError,
  StateMachineDoesNotExistError,
  type LocalStepFunctions,
} from './local-step-functions';

/**
 * The part of the Step Functions API the Lambdas call (start and describe executions, describe a state
 * machine for the health check), spoken over HTTP (AWS JSON 1.0 protocol), so the
 * handlers use the real @aws-sdk/client-sfn with AWS_ENDPOINT_URL_SFN pointing here.
 */
export async function startStepFunctionsEndpoint(
  sfn: LocalStepFunctions,
): Promise<{ endpoint: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify(body));
      };
      const fail = (type: string, message: string) => reply(400, { __type: type, message });
      let body: Record<string, string>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, string>;
      } catch {
        return fail('SerializationException', 'invalid JSON');
      }
      const action = String(req.headers['x-amz-target'] ?? '').replace('AWSStepFunctions.', '');
      try {
        if (action === 'StartExecution') {
          const execution = sfn.startExecution(
            String(body.stateMachineArn),
            String(body.name ?? crypto.randomUUID()),
            body.input ?? '{}',
          );
          return reply(200, { executionArn: execution.executionArn, startDate: execution.startDate.getTime() / 1000 });
        }
        if (action === 'DescribeExecution') {
          const e = sfn.describeExecution(String(body.executionArn));
          if (!e) return fail('ExecutionDoesNotExist', 'Execution does not exist');
          return reply(200, {
            executionArn: e.executionArn,
            stateMachineArn: e.stateMachineArn,
            name: e.name,
            status: e.status,
            startDate: e.startDate.getTime() / 1000,
            ...(e.stopDate ? { stopDate: e.stopDate.getTime() / 1000 } : {}),
            input: e.input,
            ...(e.output ? { output: e.output } : {}),
            ...(e.error ? { error: e.error } : {}),
          });
        }
        if (action === 'DescribeStateMachine') {
          const arn = String(body.stateMachineArn);
          if (!sfn.hasStateMachine(arn)) return fail('StateMachineDoesNotExist', 'State machine does not exist');
          return reply(200, {
            stateMachineArn: arn,
            name: arn.split(':').at(-1),
            status: 'ACTIVE',
            type: 'STANDARD',
            definition: '{}',
            roleArn: 'arn:aws:iam::000000000000:role/local',
            creationDate: 0,
          });
        }
        return fail('UnknownOperationException', `${action} is not available locally`);
      } catch (error) {
        if (error instanceof ExecutionAlreadyExistsError || error instanceof StateMachineDoesNotExistError) {
          return fail(error.name, error.message);
        }
        return reply(500, { __type: 'InternalFailure', message: 'local step functions failed' });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
