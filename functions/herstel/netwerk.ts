import type { RouteHandler } from '../http/api-handler';
import type { herstelNetwerkOperations } from '../../shared/api/operations/herstel-netwerk';
import type { HerstelDeps } from './ports';

/** The handlers of the netwerk part of the plan (each a pure command run through changeHerstel). */
export function netwerkHandlers(_deps: () => HerstelDeps): {
  [K in keyof typeof herstelNetwerkOperations]: RouteHandler<K>;
} {
  return {};
}
