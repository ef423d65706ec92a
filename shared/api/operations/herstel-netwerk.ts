import * as z from 'zod';
import { HerstelOverzicht } from '../../domain/herstel/herstel-schemas';
import { NetwerkLidEinde, NetwerkLidInput, NetwerkLidWijziging } from '../../domain/herstel/netwerk';
import { commandErrors, op, TransitionParams, type OperationSpec } from '../operation';

const LidParams = TransitionParams.extend({
  lidId: z.string().min(1).max(64).meta({ description: 'Id van het lid van het steunsysteem' }),
});

const answer = {
  status: 200,
  schema: HerstelOverzicht,
  description: 'Het plan van de persoon na de wijziging',
} as const;

/** The persoonlijk steunsysteem: the people and organisations around the person (composed in ./herstel). */
export const herstelNetwerkOperations = {
  addNetwerkLid: op({
    capability: 'herstel',
    method: 'POST',
    idempotent: true,
    path: '/api/transitions/{transitionId}/herstel/netwerk',
    summary: 'Voeg iemand toe aan het steunsysteem van de persoon (hoe te bereiken alleen met toestemming)',
    auth: 'principal',
    params: TransitionParams,
    body: NetwerkLidInput,
    response: { ...answer, status: 201 },
    errors: commandErrors,
  }),
  changeNetwerkLid: op({
    capability: 'herstel',
    method: 'PUT',
    path: '/api/transitions/{transitionId}/herstel/netwerk/{lidId}',
    summary:
      'Wijzig een lid van het steunsysteem, op de versie die je zag (toestemming intrekken wist hoe te bereiken)',
    auth: 'principal',
    params: LidParams,
    body: NetwerkLidWijziging,
    response: answer,
    errors: commandErrors,
  }),
  endNetwerkLid: op({
    capability: 'herstel',
    method: 'POST',
    idempotent: true,
    path: '/api/transitions/{transitionId}/herstel/netwerk/{lidId}/einde',
    summary: 'Een lid is niet meer in het netwerk: het blijft gemarkeerd in de geschiedenis',
    auth: 'principal',
    params: LidParams,
    body: NetwerkLidEinde,
    response: answer,
    errors: commandErrors,
  }),
} as const satisfies Record<string, OperationSpec>;
