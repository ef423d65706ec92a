import * as z from 'zod';
import { HerstelOverzicht } from '../../domain/herstel/herstel-schemas';
import { EvalueerInput, PlanInput, SluitInput, StelDoelInput, WerkbladInput } from '../../domain/herstel/doelen';
import { commandErrors, op, TransitionParams, type OperationSpec } from '../operation';

const DoelParams = TransitionParams.extend({
  doelId: z.string().min(1).max(64).meta({ description: 'Id van het doel' }),
});
const plan = { schema: HerstelOverzicht, description: 'Het plan van de persoon na de wijziging' };

/** The doelen part of the person's own plan: goals, Werkblad Opties, Plan van Aanpak, evaluations. */
export const herstelDoelenOperations = {
  stelDoel: op({
    capability: 'herstel',
    method: 'POST',
    idempotent: true,
    path: '/api/transitions/{transitionId}/herstel/doelen',
    summary: 'Stel een doel uit een belangrijke wens, met het levensdomein',
    auth: 'principal',
    params: TransitionParams,
    body: StelDoelInput,
    response: { status: 201, ...plan },
    errors: commandErrors,
  }),
  wegOpties: op({
    capability: 'herstel',
    method: 'PUT',
    path: '/api/transitions/{transitionId}/herstel/doelen/{doelId}/opties',
    summary: 'Werkblad Opties: de opties met voordelen en nadelen, de beste en de op één na beste optie',
    auth: 'principal',
    params: DoelParams,
    body: WerkbladInput,
    response: { status: 200, ...plan },
    errors: commandErrors,
  }),
  maakPlan: op({
    capability: 'herstel',
    method: 'PUT',
    path: '/api/transitions/{transitionId}/herstel/doelen/{doelId}/plan',
    summary: 'Plan van Aanpak: concrete stappen, wie ze doet, en de datum van de evaluatie',
    auth: 'principal',
    params: DoelParams,
    body: PlanInput,
    response: { status: 200, ...plan },
    errors: commandErrors,
  }),
  evalueerDoel: op({
    capability: 'herstel',
    method: 'POST',
    idempotent: true,
    path: '/api/transitions/{transitionId}/herstel/doelen/{doelId}/evaluaties',
    summary: 'Evalueer een doel: de voortgang in de woorden van de persoon, eventueel het plan bijstellen',
    auth: 'principal',
    params: DoelParams,
    body: EvalueerInput,
    response: { status: 201, ...plan },
    errors: commandErrors,
  }),
  sluitDoel: op({
    capability: 'herstel',
    method: 'POST',
    idempotent: true,
    path: '/api/transitions/{transitionId}/herstel/doelen/{doelId}/afsluiting',
    summary: 'Sluit een doel af: bereikt of losgelaten, met een reden',
    auth: 'principal',
    params: DoelParams,
    body: SluitInput,
    response: { status: 200, ...plan },
    errors: commandErrors,
  }),
} as const satisfies Record<string, OperationSpec>;
