import type * as z from 'zod';
import type { Capability, OperationSpec } from './operation';
import { auditOperations } from './operations/audit';
import { budgetOperations } from './operations/budget';
import { caseloadOperations } from './operations/caseload';
import { corporationOperations } from './operations/corporation';
import { herstelOperations } from './operations/herstel';
import { metaOperations } from './operations/meta';
import { organisationOperations } from './operations/organisation';
import { outcomeOperations } from './operations/outcomes';
import { signalOperations } from './operations/signals';
import { socialeKaartOperations } from './operations/sociale-kaart';
import { transitionOperations } from './operations/transitions';
import { webhookOperations } from './operations/webhooks';

export * from './operation';
export * from './operations/audit';
export * from './operations/budget';
export * from './operations/caseload';
export * from './operations/corporation';
export * from './operations/herstel';
export * from './operations/meta';
export * from './operations/organisation';
export * from './operations/outcomes';
export * from './operations/signals';
export * from './operations/sociale-kaart';
export * from './operations/transitions';
export * from './operations/webhooks';

/**
 * The HTTP API as one typed table, assembled from one module per capability (shared/api/operations/). It is
 * the single source for:
 * - the OpenAPI document (shared/api/openapi.ts),
 * - the routes API Gateway gets in CDK (infra/api) and the local gateway serves (infra/local),
 * - the handler each capability's Lambda must provide (functions/<capability>/api.ts, type-checked),
 * - the SPA's typed client (web/src/api).
 * A capability's Lambda imports only its own module, so its bundle carries no other capability's schemas.
 */
export const operations = {
  ...transitionOperations,
  ...budgetOperations,
  ...signalOperations,
  ...caseloadOperations,
  ...herstelOperations,
  ...auditOperations,
  ...webhookOperations,
  ...corporationOperations,
  ...organisationOperations,
  ...socialeKaartOperations,
  ...outcomeOperations,
  ...metaOperations,
} as const satisfies Record<string, OperationSpec>;

export type Operations = typeof operations;
export type OperationId = keyof Operations;

export type OperationsOf<C extends Capability> = {
  [K in OperationId as Operations[K]['capability'] extends C ? K : never]: Operations[K];
};

export function operationsOf(capability: Capability): [OperationId, OperationSpec][] {
  return (Object.entries(operations) as [OperationId, OperationSpec][]).filter(
    ([, spec]) => spec.capability === capability,
  );
}

/** Body type of an operation's request, and of its success response. */
export type RequestBody<K extends OperationId> = Operations[K] extends { body: infer B extends z.ZodType }
  ? z.input<B>
  : never;
export type ResponseBody<K extends OperationId> = z.output<Operations[K]['response']['schema']>;
