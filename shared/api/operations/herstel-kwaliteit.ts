import { HerstelOverzicht } from '../../domain/herstel/herstel-schemas';
import { RecordScoreInput } from '../../domain/herstel/kwaliteit';
import { commandErrors, op, TransitionParams, type OperationSpec } from '../operation';

/** Kwaliteit van bestaan and the Zelfredzaamheid-Matrix, scored with the person at the agreed moments. */
export const herstelKwaliteitOperations = {
  recordScore: op({
    capability: 'herstel',
    method: 'POST',
    idempotent: true,
    path: '/api/transitions/{transitionId}/herstel/scores',
    summary: 'Leg een scoring vast: kwaliteit van bestaan (8 dimensies) of Zelfredzaamheid-Matrix (13 domeinen), 1–5',
    auth: 'principal',
    params: TransitionParams,
    body: RecordScoreInput,
    response: { status: 201, schema: HerstelOverzicht, description: 'Het plan van de persoon, met de scoring' },
    errors: commandErrors,
  }),
} as const satisfies Record<string, OperationSpec>;
