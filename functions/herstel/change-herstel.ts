import { todayInNetherlands } from '../../shared/domain/common/calendar';
import { RuleViolation } from '../../shared/domain/common/errors';
import { doelEvaluaties, doelenFromItems } from '../../shared/domain/herstel/doelen';
import type { HerstelItem } from '../../shared/domain/herstel/herstel-item';
import { isActive } from '../../shared/domain/transition/lifecycle';
import type { TimelineEventType } from '../../shared/domain/transition/timeline';
import type { Transition } from '../../shared/domain/transition/transition';
import { openRecord, type RecordRequest } from '../access/person-record';
import { requestHash, type Idempotency } from '../storage/idempotency';
import { HerstelKeyClaimed } from './errors';
import { actorOf } from '../transitions/run-command';
import type { HerstelDeps } from './ports';

/** What a pure command on the person's plan sees. */
export interface HerstelContext {
  transition: Transition;
  /** Every stored part of the plan, as read just now. */
  items: readonly HerstelItem[];
  today: string;
  at: string;
  actor: { id: string; naam: string };
  newId: () => string;
}

/** What it decides: the one part to store (on the version it was computed from) and what the timeline says. */
export interface HerstelDecision {
  item: Pick<HerstelItem, 'part' | 'id' | 'data'>;
  /** The version of the stored part the change was computed from; absent for a new part. */
  seenVersie?: number;
  /** A part that must still not exist when this one is written (a later version): else 409. */
  requireAbsent?: { part: HerstelItem['part']; id: string };
  event: { type: TimelineEventType; omschrijving?: string };
}

/** Who asks, and for a POST that adds to the plan its Idempotency-Key and what makes a retry the same request. */
export interface HerstelRequest extends RecordRequest {
  idempotencyKey?: string | undefined;
  params?: unknown;
  body?: unknown;
}

/**
 * Every change to the person's own plan goes through here, like every change of a transition: the record is
 * opened for the action (policy, emergency access refused, the audit entry), the pure command decides on what
 * is stored, and the part is written with its timeline event in one transaction, on the version the command
 * saw (409 when someone else changed it since). Returns the plan as it is after the change.
 */
export async function changeHerstel(
  deps: HerstelDeps,
  request: HerstelRequest,
  transitionId: string,
  onderdeel: string,
  command: (ctx: HerstelContext) => HerstelDecision,
): Promise<{ transition: Transition; items: HerstelItem[] }> {
  const { transition } = await openRecord(deps.transitions, request, transitionId, 'herstel:write', { onderdeel });
  const idempotency: Idempotency | undefined = request.idempotencyKey
    ? {
        userId: request.principal.userId,
        key: request.idempotencyKey,
        requestHash: requestHash([onderdeel, request.params, request.body]),
      }
    : undefined;
  // A retry of a request that was written: the plan as it is, with what the first one added.
  const replay = async () => ({ transition, items: await deps.herstel.read(transitionId) });
  if (idempotency && (await deps.herstel.createdWith(idempotency))) return replay();
  if (!isActive(transition))
    throw new RuleViolation('Dit traject is afgesloten: het plan van de persoon ligt vast zoals het was.');
  const items = await deps.herstel.read(transitionId);
  const now = deps.now();
  const actor = actorOf(request.principal);
  const decision = command({
    transition,
    items,
    today: todayInNetherlands(now),
    at: now.toISOString(),
    actor: { id: request.principal.userId, naam: request.principal.naam },
    newId: deps.newId,
  });
  const versie = (decision.seenVersie ?? 0) + 1;
  const written: HerstelItem = { ...decision.item, versie };
  const others = items.filter((i) => !(i.part === written.part && i.id === written.id));
  const after = [...others, written];
  const write = deps.herstel.write({
    transitionId,
    ...(idempotency ? { idempotency } : {}),
    item: decision.item,
    ...(decision.seenVersie === undefined ? {} : { seenVersie: decision.seenVersie }),
    ...(decision.requireAbsent ? { requireAbsent: decision.requireAbsent } : {}),
    event: { id: deps.newId(), transitionId, at: now.toISOString(), actor, ...decision.event },
    // The goals' next evaluation is what the duo's Vandaag lists: kept beside the transition's summary.
    ...(written.part === 'doel'
      ? {
          transitionSummary: {
            doelEvaluaties: doelEvaluaties(doelenFromItems(after)),
            begeleiderIds: transition.begeleiders.map((b) => b.id),
            seenStand: transition.doelStand,
          },
        }
      : {}),
  });
  try {
    await write;
  } catch (error) {
    // The same request, at the same moment, was written by its twin: answer as the first one did.
    if (error instanceof HerstelKeyClaimed) return replay();
    throw error;
  }
  return { transition, items: after };
}
