import { todayInNetherlands } from '../../shared/domain/common/calendar';
import { RuleViolation } from '../../shared/domain/common/errors';
import { doelEvaluaties, doelenFromItems } from '../../shared/domain/herstel/doelen';
import type { HerstelItem } from '../../shared/domain/herstel/herstel-item';
import { isActive } from '../../shared/domain/transition/lifecycle';
import type { TimelineEventType } from '../../shared/domain/transition/timeline';
import type { Transition } from '../../shared/domain/transition/transition';
import { openRecord, type RecordRequest } from '../access/person-record';
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

/**
 * Every change to the person's own plan goes through here, like every change of a transition: the record is
 * opened for the action (policy, emergency access refused, the audit entry), the pure command decides on what
 * is stored, and the part is written with its timeline event in one transaction, on the version the command
 * saw (409 when someone else changed it since). Returns the plan as it is after the change.
 */
export async function changeHerstel(
  deps: HerstelDeps,
  request: RecordRequest,
  transitionId: string,
  onderdeel: string,
  command: (ctx: HerstelContext) => HerstelDecision,
): Promise<{ transition: Transition; items: HerstelItem[] }> {
  const { transition } = await openRecord(deps.transitions, request, transitionId, 'herstel:write', { onderdeel });
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
  await deps.herstel.write({
    transitionId,
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
  return { transition, items: after };
}
