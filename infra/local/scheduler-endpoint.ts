import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { atExpressionToInstant, type LocalScheduler } from './local-scheduler';

/**
 * The part of the EventBridge Scheduler API the Lambdas call (REST-JSON: POST/PUT/GET/DELETE
 * /schedules/{Name}), so they use the real @aws-sdk/client-scheduler with AWS_ENDPOINT_URL_SCHEDULER.
 */
export async function startSchedulerEndpoint(scheduler: LocalScheduler): Promise<{ endpoint: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, body: unknown, errorType?: string) => {
        res.writeHead(status, {
          'content-type': 'application/json',
          ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
        });
        res.end(JSON.stringify(body));
      };
      const url = new URL(req.url ?? '/', 'http://localhost');
      // The health check asks for the schedule group; locally there is one, always active.
      const group = url.pathname.match(/^\/schedule-groups\/([^/]+)$/)?.[1];
      if (group && req.method === 'GET') {
        const groupName = decodeURIComponent(group);
        return reply(200, {
          Name: groupName,
          Arn: `arn:aws:scheduler:eu-west-1:000000000000:schedule-group/${groupName}`,
          State: 'ACTIVE',
        });
      }
      const name = decodeURIComponent(url.pathname.match(/^\/schedules\/([^/]+)$/)?.[1] ?? '');
      if (!name) return reply(404, { Message: 'Unknown operation' }, 'ResourceNotFoundException');
      try {
        const body = (chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {}) as {
          GroupName?: string;
          ScheduleExpression?: string;
          ScheduleExpressionTimezone?: string;
          Target?: { Arn: string; Input?: string };
        };
        const groupName = body.GroupName ?? url.searchParams.get('groupName') ?? 'default';
        const arn = `arn:aws:scheduler:eu-west-1:000000000000:schedule/${groupName}/${name}`;
        const existing = scheduler.get(groupName, name);
        switch (req.method) {
          case 'POST':
          case 'PUT': {
            if (req.method === 'POST' && existing)
              return reply(409, { Message: `Schedule ${name} already exists.` }, 'ConflictException');
            if (req.method === 'PUT' && !existing)
              return reply(404, { Message: `Schedule ${name} does not exist.` }, 'ResourceNotFoundException');
            scheduler.upsert({
              name,
              groupName,
              at: atExpressionToInstant(String(body.ScheduleExpression), body.ScheduleExpressionTimezone).toISOString(),
              targetArn: String(body.Target?.Arn),
              input: body.Target?.Input ?? '{}',
            });
            return reply(200, { ScheduleArn: arn });
          }
          case 'DELETE':
            if (!scheduler.delete(groupName, name))
              return reply(404, { Message: `Schedule ${name} does not exist.` }, 'ResourceNotFoundException');
            return reply(200, {});
          case 'GET':
            if (!existing)
              return reply(404, { Message: `Schedule ${name} does not exist.` }, 'ResourceNotFoundException');
            return reply(200, {
              Name: name,
              GroupName: groupName,
              Arn: arn,
              ScheduleExpression: `at(${existing.at})`,
              Target: { Arn: existing.targetArn, Input: existing.input },
            });
          default:
            return reply(405, { Message: 'Method not allowed' }, 'ValidationException');
        }
      } catch (error) {
        return reply(400, { Message: (error as Error).message }, 'ValidationException');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
