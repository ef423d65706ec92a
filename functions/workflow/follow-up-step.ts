import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { datumInWoorden, todayInNetherlands } from '../../shared/domain/common/calendar';
import {
  escalate,
  openDuoTasks,
  proposeScaleUp,
  type SignalCommandResult,
} from '../../shared/domain/signals/signal-commands';
import { followUpActions, nextFollowUpStep, type FollowUpStep } from '../../shared/domain/signals/signal-followup';
import type { Signal } from '../../shared/domain/signals/signal-schemas';
import { CONTACT_WATCH, responseDeadline } from '../../shared/domain/signals/signals';
import { supportConfigFor } from '../../shared/domain/support/provider-policy';
import { levelOn, supportLevelLabels } from '../../shared/domain/support/support';
import type { Actor } from '../../shared/domain/transition/timeline';
import type { Transition } from '../../shared/domain/transition/transition';
import { recordScaleUpEnded } from '../../shared/domain/transition/transition-commands';
import { clock } from '../clock';
import { Conflict } from '../../shared/domain/common/errors';
import { correlationIdOfInput, observed } from '../observability/context';
import { logger } from '../observability/logger';
import { countBusinessEvent } from '../observability/metrics';
import type { OrganisationDirectory } from '../organisation/ports';
import { lazy, runtime } from '../runtime';
import type { ContactStore, SignalStore } from '../signals/ports';
import { DynamoOrganisationDirectory } from '../storage/dynamo-organisation-directory';
import { DynamoContactStore, DynamoSignalStore } from '../storage/dynamo-signal-store';
import { DynamoTransitionStore } from '../storage/dynamo-transition-store';
import type { TransitionStore } from '../transitions/ports';
import { applyToLatest } from '../transitions/run-command';

/**
 * The task of the "Signalen opvolgen" workflow: `bepaal` asks the rule (shared/domain/signals/signal-followup.ts)
 * which step is due; any other action carries out that step if it is still the one due, so a retried or
 * concurrent execution changes nothing twice (every write is conditional on the signal's version).
 */
export const FollowUpInput = z.object({
  transitionId: z.string().min(1),
  actie: z.enum(['bepaal', ...followUpActions]),
});

export interface FollowUpDeps {
  transitions: TransitionStore;
  signals: SignalStore;
  contacts: ContactStore;
  directory: Pick<OrganisationDirectory, 'staff'>;
  now: () => Date;
  newId: () => string;
}

const workflowActor: Actor = { soort: 'werkproces', naam: 'Landing (opvolging signalen)' };

export function createFollowUpStep(deps: () => FollowUpDeps) {
  return async (input: unknown) => {
    const { transitionId, actie } = FollowUpInput.parse(input);
    const t = await deps().transitions.get(transitionId);
    if (!t) return { transitionId, stap: 'geen' as const };
    const signals = await deps().signals.list(t.id);
    const [lastContact] = await deps().contacts.recent(t.id, 1);
    const now = deps().now();
    const step = nextFollowUpStep({
      transition: t,
      signals,
      lastContactAt: lastContact?.op,
      now,
      support: supportConfigFor(t.providerId),
    });
    if (actie === 'bepaal') {
      logger.info('follow-up step due', { transitionId, stap: step.stap });
      return { transitionId, ...step };
    }
    if (step.stap !== actie) return { transitionId, overgeslagen: actie };
    try {
      await carryOut(deps(), t, signals, step, now);
      logger.info('follow-up step done', { transitionId, actie });
      return { transitionId, uitgevoerd: actie };
    } catch (error) {
      // Someone changed the signal or the transition meanwhile: the next look decides again.
      if (!(error instanceof Conflict)) throw error;
      return { transitionId, overgeslagen: actie };
    }
  };
}

async function carryOut(
  deps: FollowUpDeps,
  t: Transition,
  signals: Signal[],
  step: FollowUpStep,
  now: Date,
): Promise<void> {
  const signal = (id: string) => signals.find((s) => s.id === id)!;
  const persoon = { voornaam: t.persoon.voornaam, achternaam: t.persoon.achternaam };
  switch (step.stap) {
    case 'taak-duo':
      return change(
        deps,
        signal(step.signaalId),
        openDuoTasks(signal(step.signaalId), { begeleiders: t.begeleiders, persoon }, now),
        now,
      );
    case 'opschaling-voorstellen':
      return change(deps, signal(step.signaalId), proposeScaleUp(signal(step.signaalId), todayInNetherlands(now)), now);
    case 'escaleren': {
      const teamLeads = (await deps.directory.staff(t.providerId))
        .filter((s) => s.role === 'teamleider')
        .map(({ id, naam }) => ({ id, naam }));
      await change(deps, signal(step.signaalId), escalate(signal(step.signaalId), teamLeads, persoon, now), now);
      countBusinessEvent('SignalEscalated', { fase: signal(step.signaalId).fase });
      return;
    }
    case 'contact-signaleren':
      await raiseContactSignal(deps, t, step, now);
      return;
    case 'opschaling-afgelopen':
      await applyToLatest(
        { store: deps.transitions, now: deps.now, newId: deps.newId },
        t,
        workflowActor,
        (current, ctx) => recordScaleUpEnded(current, step.wijzigingId, ctx),
      );
      return;
    case 'wacht':
    case 'geen':
      return;
  }
}

function change(deps: FollowUpDeps, before: Signal, result: SignalCommandResult, now: Date): Promise<void> {
  return deps.signals.change({
    before,
    after: result.after,
    event: {
      id: deps.newId(),
      transitionId: before.transitionId,
      type: result.event.type,
      at: now.toISOString(),
      actor: workflowActor,
      omschrijving: result.event.omschrijving,
    },
    ...(result.newTasks ? { newTasks: result.newTasks } : {}),
  });
}

/** Landing's own oranje signal for a contact over time; one per day at most, however often it is asked. */
async function raiseContactSignal(
  deps: FollowUpDeps,
  t: Transition,
  step: Extract<FollowUpStep, { stap: 'contact-signaleren' }>,
  now: Date,
): Promise<void> {
  const level = levelOn(t.ondersteuning, todayInNetherlands(now));
  const omschrijving = `Al ${step.dagen} dagen geen contact vastgelegd (sinds ${datumInWoorden(step.sinds)}); bij ${level ? supportLevelLabels[level].toLowerCase() : 'dit niveau'} is dat hooguit ${step.toegestaan} dagen.`;
  const signal: Signal = {
    id: `contact-${todayInNetherlands(now)}`,
    transitionId: t.id,
    versie: 1,
    at: now.toISOString(),
    bron: CONTACT_WATCH,
    omschrijving,
    fase: 'oranje',
    status: 'open',
    deadline: responseDeadline('oranje', now)!.toISOString(),
    geregistreerdDoor: { id: 'werkproces', naam: workflowActor.naam },
  };
  const event = {
    id: deps.newId(),
    transitionId: t.id,
    type: 'signaal-ontvangen' as const,
    at: signal.at,
    actor: workflowActor,
    omschrijving: `oranje: ${omschrijving}`,
  };
  if (await deps.signals.register(signal, event, { once: true }))
    countBusinessEvent('SignalRegistered', { fase: signal.fase });
}

export const handler = observed(
  createFollowUpStep(
    lazy(() => ({
      transitions: new DynamoTransitionStore(runtime.documentClient(), runtime.tableName()),
      signals: new DynamoSignalStore(runtime.documentClient(), runtime.tableName()),
      contacts: new DynamoContactStore(runtime.documentClient(), runtime.tableName()),
      directory: new DynamoOrganisationDirectory(runtime.documentClient(), runtime.tableName()),
      now: clock.now,
      newId: randomUUID,
    })),
  ),
  correlationIdOfInput,
);
