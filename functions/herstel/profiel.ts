import type { herstelProfielOperations } from '../../shared/api/operations/herstel-profiel';
import { overzichtFrom } from '../../shared/domain/herstel/herstel-schemas';
import { agreeProfiel, newProfielVersie } from '../../shared/domain/herstel/profiel';
import type { RouteHandler } from '../http/api-handler';
import { changeHerstel } from './change-herstel';
import type { HerstelDeps } from './ports';

/** The handlers of the Persoonlijk Profiel (each a pure command run through changeHerstel). */
export function profielHandlers(deps: () => HerstelDeps): {
  [K in keyof typeof herstelProfielOperations]: RouteHandler<K>;
} {
  return {
    newProfielVersie: async ({ principal, access, params, body, idempotencyKey }) => {
      const { items } = await changeHerstel(
        deps(),
        { principal, access, idempotencyKey, params, body },
        params.transitionId,
        'profiel',
        (ctx) => newProfielVersie(body, ctx),
      );
      return { body: overzichtFrom(items) };
    },
    agreeProfiel: async ({ principal, access, params, body, idempotencyKey }) => {
      const { items } = await changeHerstel(
        deps(),
        { principal, access, idempotencyKey, params, body },
        params.transitionId,
        'profiel',
        (ctx) => agreeProfiel(body, ctx),
      );
      return { body: overzichtFrom(items) };
    },
  };
}
