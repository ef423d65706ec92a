import type { herstelNetwerkOperations } from '../../shared/api/operations/herstel-netwerk';
import { overzichtFrom } from '../../shared/domain/herstel/herstel-schemas';
import {
  addLid,
  changeLid,
  endLid,
  LidNotFound,
  netwerkFromItems,
  type NetwerkDecision,
} from '../../shared/domain/herstel/netwerk';
import type { RouteHandler } from '../http/api-handler';
import { NotFoundError } from '../http/errors';
import { changeHerstel, type HerstelContext, type HerstelDecision, type HerstelRequest } from './change-herstel';
import type { HerstelDeps } from './ports';

/** How the audit trail (and so the inzageverslag) names this part of the person's record. */
export const NETWERK_ONDERDEEL = 'steunsysteem';

const stored = (decision: NetwerkDecision): HerstelDecision => ({
  item: { part: 'netwerk', id: decision.id, data: decision.data },
  ...(decision.seenVersie === undefined ? {} : { seenVersie: decision.seenVersie }),
  event: { type: 'netwerk-bijgewerkt', omschrijving: decision.omschrijving },
});

/** A member of another person's network, or none: the same answer, nothing disclosed. */
function command(run: (ctx: HerstelContext) => NetwerkDecision) {
  return (ctx: HerstelContext) => {
    try {
      return stored(run(ctx));
    } catch (error) {
      if (error instanceof LidNotFound) throw new NotFoundError(error.message);
      throw error;
    }
  };
}

/** The handlers of the steunsysteem: each a pure command run through changeHerstel. */
export function netwerkHandlers(deps: () => HerstelDeps): {
  [K in keyof typeof herstelNetwerkOperations]: RouteHandler<K>;
} {
  const change = async (
    request: HerstelRequest & { params: { transitionId: string } },
    run: (ctx: HerstelContext) => NetwerkDecision,
  ) => {
    const { principal, access, idempotencyKey, params, body } = request;
    const after = await changeHerstel(
      deps(),
      { principal, access, idempotencyKey, params, body },
      params.transitionId,
      NETWERK_ONDERDEEL,
      command(run),
    );
    return { body: overzichtFrom(after.items) };
  };
  return {
    addNetwerkLid: (request) => change(request, (ctx) => addLid(request.body, ctx)),
    changeNetwerkLid: (request) =>
      change(request, (ctx) => changeLid(netwerkFromItems(ctx.items), request.params.lidId, request.body, ctx)),
    endNetwerkLid: (request) =>
      change(request, (ctx) => endLid(netwerkFromItems(ctx.items), request.params.lidId, request.body, ctx)),
  };
}
