import { randomUUID } from 'node:crypto';
import { herstelOperations } from '../../shared/api/operations/herstel';
import { auditFromEnvironment } from '../audit/audit-runtime';
import { clock } from '../clock';
import { createApiHandler, type ApiHandlerOptions, type CapabilityHandlers } from '../http/api-handler';
import { lazy, runtime } from '../runtime';
import { DynamoHerstelStore } from '../storage/dynamo-herstel-store';
import { DynamoTransitionStore } from '../storage/dynamo-transition-store';
import { doelenHandlers } from './doelen';
import { kwaliteitHandlers } from './kwaliteit';
import { netwerkHandlers } from './netwerk';
import type { HerstelDeps } from './ports';
import { profielHandlers } from './profiel';
import { readHerstel } from './read-herstel';

export function herstelHandlers(deps: () => HerstelDeps): CapabilityHandlers<'herstel'> {
  return {
    getHerstel: async ({ principal, access, params }) => ({
      body: await readHerstel(deps(), { principal, access }, params.transitionId),
    }),
    ...profielHandlers(deps),
    ...doelenHandlers(deps),
    ...netwerkHandlers(deps),
    ...kwaliteitHandlers(deps),
  };
}

export function createHerstelApi(deps: () => HerstelDeps, options: ApiHandlerOptions = {}) {
  return createApiHandler(herstelOperations, herstelHandlers(deps), options);
}

export const handler = createHerstelApi(
  lazy(() => ({
    transitions: new DynamoTransitionStore(runtime.documentClient(), runtime.tableName()),
    herstel: new DynamoHerstelStore(runtime.documentClient(), runtime.tableName()),
    now: clock.now,
    newId: randomUUID,
  })),
  { audit: auditFromEnvironment },
);
