import { HerstelOverzicht } from '../../domain/herstel/herstel-schemas';
import { op, TransitionParams, type OperationSpec } from '../operation';
import { herstelDoelenOperations } from './herstel-doelen';
import { herstelKwaliteitOperations } from './herstel-kwaliteit';
import { herstelNetwerkOperations } from './herstel-netwerk';
import { herstelProfielOperations } from './herstel-profiel';

/**
 * Herstel en netwerk: the person's own plan as Supportgericht Werken builds it with them — the Persoonlijk
 * Profiel, goals with the Werkblad Opties and the Plan van Aanpak, the evaluations, the persoonlijk
 * steunsysteem, and kwaliteit van bestaan over time.
 */
export const herstelOperations = {
  getHerstel: op({
    capability: 'herstel',
    method: 'GET',
    path: '/api/transitions/{transitionId}/herstel',
    summary:
      'Het plan van de persoon: Persoonlijk Profiel, doelen en Plan van Aanpak, steunsysteem, kwaliteit van bestaan',
    auth: 'principal',
    params: TransitionParams,
    response: { status: 200, schema: HerstelOverzicht, description: 'Het plan van de persoon' },
    errors: [401, 403, 404],
  }),
  ...herstelProfielOperations,
  ...herstelDoelenOperations,
  ...herstelNetwerkOperations,
  ...herstelKwaliteitOperations,
} as const satisfies Record<string, OperationSpec>;
