import type { RouteHandler } from '../http/api-handler';
import type { herstelProfielOperations } from '../../shared/api/operations/herstel-profiel';
import type { HerstelDeps } from './ports';

/** The handlers of the profiel part of the plan (each a pure command run through changeHerstel). */
export function profielHandlers(_deps: () => HerstelDeps): {
  [K in keyof typeof herstelProfielOperations]: RouteHandler<K>;
} {
  return {};
}
