import type { RouteHandler } from '../http/api-handler';
import type { herstelDoelenOperations } from '../../shared/api/operations/herstel-doelen';
import type { HerstelDeps } from './ports';

/** The handlers of the doelen part of the plan (each a pure command run through changeHerstel). */
export function doelenHandlers(_deps: () => HerstelDeps): {
  [K in keyof typeof herstelDoelenOperations]: RouteHandler<K>;
} {
  return {};
}
