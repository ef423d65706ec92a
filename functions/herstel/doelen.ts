import type { herstelDoelenOperations } from '../../shared/api/operations/herstel-doelen';
import {
  doelenFromItems,
  evalueer,
  plan,
  sluit,
  stelDoel,
  werkblad,
  type Doel,
  type DoelContext,
  type DoelDecision,
} from '../../shared/domain/herstel/doelen';
import { overzichtFrom } from '../../shared/domain/herstel/herstel-schemas';
import { itemsOf } from '../../shared/domain/herstel/herstel-item';
import { levensdomeinLabels } from '../../shared/domain/herstel/levensdomeinen';
import type { TimelineEventType } from '../../shared/domain/transition/timeline';
import type { RouteHandler } from '../http/api-handler';
import { NotFoundError } from '../http/errors';
import { changeHerstel, type HerstelRequest, type HerstelContext } from './change-herstel';
import type { HerstelDeps } from './ports';

/** What a goal's command needs of the plan: the person's first name and the network (id and naam). */
function doelContext(ctx: HerstelContext): DoelContext {
  return {
    today: ctx.today,
    actor: ctx.actor,
    newId: ctx.newId,
    voornaam: ctx.transition.persoon.voornaam,
    // Read defensively: the network part owns its schema; a goal step needs only the member's id and name.
    netwerk: itemsOf(ctx.items, 'netwerk').map((i) => ({
      id: i.id,
      naam: typeof i.data.naam === 'string' ? i.data.naam : 'Iemand uit het netwerk',
    })),
  };
}

function changeDoel(
  deps: HerstelDeps,
  request: HerstelRequest,
  transitionId: string,
  doelId: string | undefined,
  type: TimelineEventType,
  decide: (ctx: DoelContext, doel: Doel | undefined, doelen: Doel[]) => DoelDecision,
) {
  return changeHerstel(deps, request, transitionId, 'doelen', (ctx) => {
    const doelen = doelenFromItems(ctx.items);
    const doel = doelId === undefined ? undefined : doelen.find((d) => d.id === doelId);
    if (doelId !== undefined && !doel) throw new NotFoundError('Dit doel staat niet in het plan van de persoon.');
    const decision = decide(doelContext(ctx), doel, doelen);
    const { id, ...data } = decision.data;
    return {
      item: { part: 'doel', id, data },
      ...(decision.seenVersie === undefined ? {} : { seenVersie: decision.seenVersie }),
      // The timeline names what happened, not the goal's words: those stay in the plan.
      event: { type, omschrijving: `Levensdomein: ${levensdomeinLabels[decision.data.levensdomein]}` },
    };
  });
}

/** The handlers of the doelen part of the plan (each a pure command run through changeHerstel). */
export function doelenHandlers(deps: () => HerstelDeps): {
  [K in keyof typeof herstelDoelenOperations]: RouteHandler<K>;
} {
  const run = async (
    request: HerstelRequest & { params: { transitionId: string; doelId?: string } },
    type: TimelineEventType,
    decide: (ctx: DoelContext, doel: Doel | undefined, doelen: Doel[]) => DoelDecision,
  ) => {
    const { params } = request;
    const { items } = await changeDoel(deps(), request, params.transitionId, params.doelId, type, decide);
    return { body: overzichtFrom(items) };
  };
  return {
    stelDoel: (r) => run(r, 'doel-gesteld', (ctx, _d, all) => stelDoel(ctx, r.body, all)),
    wegOpties: (r) => run(r, 'opties-gewogen', (ctx, d) => werkblad(ctx, d!, r.body)),
    maakPlan: (r) => run(r, 'plan-bijgewerkt', (ctx, d) => plan(ctx, d!, r.body)),
    evalueerDoel: (r) => run(r, 'doel-geevalueerd', (ctx, d) => evalueer(ctx, d!, r.body)),
    sluitDoel: (r) => run(r, 'doel-geevalueerd', (ctx, d) => sluit(ctx, d!, r.body)),
  };
}
