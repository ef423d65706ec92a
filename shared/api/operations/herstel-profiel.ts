import { HerstelOverzicht } from '../../domain/herstel/herstel-schemas';
import { AgreeProfielInput, NewProfielInput } from '../../domain/herstel/profiel';
import { commandErrors, op, TransitionParams, type OperationSpec } from '../operation';

/** The Persoonlijk Profiel: a new version written with the person, and their agreement on the latest. */
export const herstelProfielOperations = {
  newProfielVersie: op({
    capability: 'herstel',
    method: 'POST',
    idempotent: true,
    path: '/api/transitions/{transitionId}/herstel/profiel',
    summary:
      'Leg een nieuwe versie van het Persoonlijk Profiel vast (per levensdomein nu, wensen, vroeger; de belangrijkste wensen)',
    auth: 'principal',
    params: TransitionParams,
    body: NewProfielInput,
    response: { status: 201, schema: HerstelOverzicht, description: 'Het plan van de persoon, met de nieuwe versie' },
    errors: commandErrors,
  }),
  agreeProfiel: op({
    capability: 'herstel',
    method: 'POST',
    idempotent: true,
    path: '/api/transitions/{transitionId}/herstel/profiel/akkoord',
    summary: 'Leg het akkoord van de persoon op de laatste versie van het Persoonlijk Profiel vast',
    auth: 'principal',
    params: TransitionParams,
    body: AgreeProfielInput,
    response: { status: 200, schema: HerstelOverzicht, description: 'Het plan van de persoon, met het akkoord' },
    errors: commandErrors,
  }),
} as const satisfies Record<string, OperationSpec>;
