import type { RouteHandler } from '../http/api-handler';
import type { herstelKwaliteitOperations } from '../../shared/api/operations/herstel-kwaliteit';
import type { HerstelDeps } from './ports';

/** The handlers of the kwaliteit part of the plan (each a pure command run through changeHerstel). */
export function kwaliteitHandlers(_deps: () => HerstelDeps): {
  [K in keyof typeof herstelKwaliteitOperations]: RouteHandler<K>;
} {
  return {};
}
