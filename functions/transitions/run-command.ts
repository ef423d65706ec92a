import { todayInNetherlands } from '../../shared/domain/common/calendar';
import type { OtherChange } from '../../shared/domain/common/errors';
import { timelineEventLabels } from '../../shared/domain/common/vocabulary';
import { municipalityPolicy } from '../../shared/domain/organisation/municipality-policy';
import { signalen } from '../../shared/domain/transition/overview';
import type { Principal } from '../../shared/domain/organisation/principal';
import type { Actor, TimelineEvent } from '../../shared/domain/transition/timeline';
import { Transition } from '../../shared/domain/transition/transition';
import type { CommandContext, CommandResult } from '../../shared/domain/transition/transition-commands';
import { StaleVersionError } from './errors';
import type { TransitionChange, TransitionsDeps } from './ports';
import { noticesFor } from '../../shared/domain/notices/notices';
import { toOutboxEvents } from '../../shared/domain/notices/outbox-event';
import { openRecord, recordChange, type RecordRequest } from '../access/person-record';
import { countBusinessEvent } from '../observability/metrics';

/**
 * Every change to a transition goes through here: read, check access and version, let the pure domain
 * command decide, then write the new version and its timeline event atomically. A domain rule that blocks
 * answers 409 with its reason; a stale version answers 409 and nothing is written.
 */
export async function runCommand(
  deps: TransitionsDeps,
  request: RecordRequest,
  transitionId: string,
  expectedVersion: number,
  command: (t: Transition, ctx: CommandContext) => CommandResult,
): Promise<Transition> {
  const { transition: before, grond } = await openRecord(deps.store, request, transitionId, 'transition:update', {
    changeRecordedAfterwards: true,
  });
  await requireVersion(deps.store, before, expectedVersion);
  const next = await applyCommand(deps, before, actorOf(request.principal), command);
  recordChange(request.access, grond, before, next);
  return next;
}

/** 409 unless the caseworker saw `expectedVersion` of `current`, or only the workflow changed it since. */
export async function requireVersion(
  store: TransitionsDeps['store'],
  current: Transition,
  expectedVersion: number,
): Promise<void> {
  if (current.version !== expectedVersion && !(await onlyWorkflowChangedSince(store, current, expectedVersion)))
    throw new StaleVersionError(await otherChangeSince(store, current.id, expectedVersion));
}

/** The newest change by a person since `seenVersion`, to name in the 409; undefined if the first page lacks it. */
async function otherChangeSince(
  store: TransitionsDeps['store'],
  transitionId: string,
  seenVersion: number,
): Promise<OtherChange | undefined> {
  const page = await store.timelinePage(transitionId, { limit: 20 });
  const e = page.items.find((x) => (x.versie ?? 0) > seenVersion && x.actor.soort === 'medewerker');
  return e && { door: e.actor.naam, op: e.at, wat: timelineEventLabels[e.type] };
}

export const actorOf = (principal: Principal): Actor => ({
  soort: 'medewerker',
  id: principal.userId,
  naam: principal.naam,
});

/**
 * The workflow records its own steps (a task, the move, the review) while a caseworker has the page open.
 * Those do not make the caseworker's view stale: their change is computed on the current state and keeps
 * the workflow's. Only a change by another person since the version they saw does: the transition keeps the
 * version of the last one (`medewerkerVersie`), so the check reads no timeline.
 */
async function onlyWorkflowChangedSince(
  store: TransitionsDeps['store'],
  current: Transition,
  seenVersion: number,
): Promise<boolean> {
  if (seenVersion > current.version) return false;
  if (current.medewerkerVersie !== undefined) return current.medewerkerVersie <= seenVersion;
  // Stored before it kept that version: the changes since, newest first, only as far back as they go.
  let unseen = current.version - seenVersion;
  let cursor: string | undefined;
  do {
    const page = await store.timelinePage(current.id, { limit: 100, cursor });
    for (const e of page.items) {
      if (e.versie === undefined) continue;
      // Versions grow with time: one seen means the changes since did not all show up, as before.
      if (e.versie <= seenVersion || e.actor.soort !== 'werkproces') return false;
      if (--unseen === 0) return true;
    }
    cursor = page.nextCursor;
  } while (cursor);
  return false;
}

/** Computes and stores one change of `before`, by a person or by the workflow. */
export async function applyCommand(
  deps: Pick<TransitionsDeps, 'store' | 'now' | 'newId'>,
  before: Transition,
  actor: Actor,
  command: (t: Transition, ctx: CommandContext) => CommandResult,
): Promise<Transition> {
  const change = prepareCommand(deps, before, actor, command);
  await deps.store.update(change);
  // Counted here, where every change of a person or a workflow is stored, not in the pure command.
  if (change.next.fase !== before.fase) countBusinessEvent('PhaseChanged', { fase: change.next.fase });
  return change.next;
}

/**
 * A workflow's step on the transition as it is now: another writer (a caseworker, the other workflow) may
 * have changed it since it was read, so a stale version reads it again and applies the step to the latest
 * version, a few times, rather than wait for Step Functions' retry. The step decides on the current state
 * (a step no longer due is a rule violation the caller skips), so applying it later is always right.
 */
export async function applyToLatest(
  deps: Pick<TransitionsDeps, 'store' | 'now' | 'newId'>,
  transition: Transition,
  actor: Actor,
  command: (t: Transition, ctx: CommandContext) => CommandResult,
  attempts = 4,
): Promise<Transition> {
  let current = transition;
  for (let attempt = 1; ; attempt++) {
    try {
      return await applyCommand(deps, current, actor, command);
    } catch (error) {
      if (!(error instanceof StaleVersionError) || attempt >= attempts) throw error;
      const latest = await deps.store.get(current.id);
      if (!latest) throw error;
      current = latest;
    }
  }
}

/**
 * Computes one change of `before` without storing it: the next version and its timeline event, for a store
 * that writes it together with something else (a signal resolved with a scale-up).
 */
export function prepareCommand(
  deps: Pick<TransitionsDeps, 'now' | 'newId'>,
  before: Transition,
  actor: Actor,
  command: (t: Transition, ctx: CommandContext) => CommandResult,
): TransitionChange {
  const now = deps.now();
  const ctx: CommandContext = {
    today: todayInNetherlands(now),
    actor: { id: actor.soort === 'medewerker' ? actor.id : 'werkproces', naam: actor.naam },
  };
  const result = command(before, ctx);
  // Parse on the way in too: a command can never store a transition the schema would refuse.
  const next = Transition.parse({
    ...result.next,
    version: before.version + 1,
    ...(actor.soort === 'werkproces' ? {} : { medewerkerVersie: before.version + 1 }),
    updatedAt: now.toISOString(),
    signalen: signalen(result.next, municipalityPolicy(before.gemeenteCode), ctx.today),
  });
  const event: TimelineEvent = {
    id: deps.newId(),
    transitionId: before.id,
    type: result.event.type,
    at: now.toISOString(),
    versie: next.version,
    actor,
    ...(result.event.omschrijving ? { omschrijving: result.event.omschrijving } : {}),
  };
  const outbox = toOutboxEvents(noticesFor(before, next, ctx.today), {
    transitionId: before.id,
    providerId: before.providerId,
    persoonRef: before.persoonRef,
    version: next.version,
    at: event.at,
    newId: deps.newId,
  });
  return { before, next, event, outbox };
}
