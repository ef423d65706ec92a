import { todayInNetherlands } from '../../shared/domain/common/calendar';
import { municipalityPolicy } from '../../shared/domain/organisation/municipality-policy';
import { signalen } from '../../shared/domain/transition/overview';
import type { Principal } from '../../shared/domain/organisation/principal';
import type { TimelineEvent } from '../../shared/domain/transition/timeline';
import { notStartedYet, type AanmeldingInput, type Transition } from '../../shared/domain/transition/transition';
import type { TransitionsDeps } from './ports';
import { ValidationError, WorkflowUnavailableError } from '../http/errors';
import { logger } from '../observability/logger';
import { countBusinessEvent } from '../observability/metrics';

/**
 * The aanmelding: checks the chosen begeleiders work for the principal's organisation, stores the
 * transition with its first timeline event atomically, then starts its workflow.
 *
 * Failure path: once stored, the transition is acknowledged data and is never rolled back. If the workflow
 * cannot start, the caller gets 503 and retries with the same Idempotency-Key: the retry writes nothing new
 * and starts the workflow (starting is idempotent per transition).
 */
export async function registerTransition(
  deps: TransitionsDeps,
  principal: Principal,
  input: AanmeldingInput,
  idempotencyKey: string | undefined,
): Promise<{ transition: Transition; replayed: boolean }> {
  const staff = await deps.directory.staffMembers(principal.organisationId, input.begeleiderIds);
  const begeleiders = input.begeleiderIds.map((id) => staff.find((s) => s.id === id && s.role === 'begeleider'));
  const unknown = input.begeleiderIds.filter((_, i) => !begeleiders[i]);
  if (unknown.length > 0) {
    throw new ValidationError([
      { name: 'begeleiderIds', code: 'unknown_begeleider', reason: 'Kies begeleiders van je eigen organisatie.' },
    ]);
  }
  // The person's record belongs to a team: the registering member's, and the duo works in it.
  if (principal.teamId && begeleiders.some((b) => b!.teamId !== principal.teamId)) {
    throw new ValidationError([
      { name: 'begeleiderIds', code: 'other_team', reason: 'Kies begeleiders van je eigen team.' },
    ]);
  }

  const at = deps.now().toISOString();
  const id = deps.newId();
  const draft: Transition = {
    id,
    version: 1,
    medewerkerVersie: 1,
    providerId: principal.organisationId,
    ...(principal.teamId ? { teamId: principal.teamId } : {}),
    persoonRef: deps.newId(),
    persoon: input.persoon,
    gemeenteCode: input.gemeenteCode,
    herkomst: input.herkomst,
    begeleiders: begeleiders.map((b) => ({
      id: b!.id,
      naam: b!.naam,
      ...(b!.telefoon ? { telefoon: b!.telefoon } : {}),
    })),
    fase: 'aanmelding',
    ...notStartedYet,
    createdAt: at,
    createdBy: principal.userId,
    updatedAt: at,
  };
  const transition: Transition = {
    ...draft,
    signalen: signalen(draft, municipalityPolicy(draft.gemeenteCode), todayInNetherlands(deps.now())),
  };
  const firstEvent: TimelineEvent = {
    id: deps.newId(),
    transitionId: id,
    type: 'aanmelding-geregistreerd',
    at,
    versie: 1,
    actor: { soort: 'medewerker', id: principal.userId, naam: principal.naam },
  };

  const result = await deps.store.create({
    transition,
    firstEvent,
    ...(idempotencyKey ? { idempotency: { userId: principal.userId, key: idempotencyKey } } : {}),
  });

  if (!result.replayed) countBusinessEvent('TransitionRegistered');
  try {
    await deps.workflow.start(result.transition.id);
  } catch (error) {
    logger.warn('workflow start failed', { transitionId: result.transition.id, errorName: (error as Error).name });
    throw new WorkflowUnavailableError();
  }
  return result;
}
