import type { herstelKwaliteitOperations } from '../../shared/api/operations/herstel-kwaliteit';
import { overzichtFrom } from '../../shared/domain/herstel/herstel-schemas';
import { recordScore } from '../../shared/domain/herstel/kwaliteit';
import type { RouteHandler } from '../http/api-handler';
import { changeHerstel } from './change-herstel';
import type { HerstelDeps } from './ports';

/** The handlers of kwaliteit van bestaan and the ZRM (each a pure command run through changeHerstel). */
export function kwaliteitHandlers(deps: () => HerstelDeps): {
  [K in keyof typeof herstelKwaliteitOperations]: RouteHandler<K>;
} {
  return {
    recordScore: async ({ principal, access, params, body, idempotencyKey }) => {
      const { items } = await changeHerstel(
        deps(),
        { principal, access, idempotencyKey, params, body },
        params.transitionId,
        'kwaliteit',
        (ctx) => recordScore(body, ctx),
      );
      return { body: overzichtFrom(items) };
    },
  };
}
