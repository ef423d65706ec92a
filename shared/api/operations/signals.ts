import * as z from 'zod';
import {
  Contact,
  RecordContactInput,
  RegisterSignalInput,
  ResolveSignalInput,
  Signal,
} from '../../domain/signals/signal-schemas';
import { TransitionParams, op, type OperationSpec } from '../operation';

export const ContactList = z
  .object({
    items: z.array(Contact),
    toegestaneDagen: z
      .number()
      .int()
      .optional()
      .meta({ description: 'Zo lang mag het niveau van ondersteuning zonder contact' }),
    achterstandDagen: z
      .number()
      .int()
      .optional()
      .meta({ description: 'Zoveel dagen langer dan het niveau vraagt is er geen contact geweest' }),
  })
  .meta({ id: 'Contactmomenten' });

export const SignalList = z.object({ items: z.array(Signal) }).meta({ id: 'SignaalLijst' });

/** Signals and contactmomenten of a transition. */
export const signalOperations = {
  listSignals: op({
    capability: 'signals',
    method: 'GET',
    path: '/api/transitions/{transitionId}/signalen',
    summary: 'Signalen over een traject, nieuwste eerst',
    auth: 'principal',
    params: TransitionParams,
    response: { status: 200, schema: SignalList, description: 'De signalen' },
    errors: [401, 403, 404],
  }),
  registerSignal: op({
    capability: 'signals',
    method: 'POST',
    path: '/api/transitions/{transitionId}/signalen',
    summary: 'Registreer een signaal: bij een teken uit het signaleringsplan, of ingeschat met de thermometer',
    auth: 'principal',
    params: TransitionParams,
    body: RegisterSignalInput,
    idempotent: true,
    response: { status: 201, schema: Signal, description: 'Het signaal, met fase en reactietermijn' },
    errors: [400, 401, 403, 404, 409],
  }),
  acknowledgeSignal: op({
    capability: 'signals',
    method: 'POST',
    path: '/api/transitions/{transitionId}/signalen/{signalId}/bevestiging',
    summary: 'Bevestig dat een signaal is opgepakt',
    auth: 'principal',
    params: TransitionParams.extend({ signalId: z.string().min(1).max(64) }),
    response: { status: 200, schema: Signal, description: 'Het signaal' },
    errors: [401, 403, 404, 409],
  }),
  resolveSignal: op({
    capability: 'signals',
    method: 'POST',
    path: '/api/transitions/{transitionId}/signalen/{signalId}/afhandeling',
    summary: 'Handel een signaal af: wat er is gedaan, eventueel met een tijdelijke opschaling vanaf vandaag',
    auth: 'principal',
    params: TransitionParams.extend({ signalId: z.string().min(1).max(64) }),
    body: ResolveSignalInput,
    response: { status: 200, schema: Signal, description: 'Het afgehandelde signaal' },
    errors: [400, 401, 403, 404, 409],
  }),
  listContacts: op({
    capability: 'signals',
    method: 'GET',
    path: '/api/transitions/{transitionId}/contacten',
    summary: 'Recente contactmomenten, en of er te lang geen contact is geweest voor het niveau van ondersteuning',
    auth: 'principal',
    params: TransitionParams,
    response: { status: 200, schema: ContactList, description: 'De contactmomenten, nieuwste eerst' },
    errors: [401, 403, 404],
  }),
  recordContact: op({
    capability: 'signals',
    method: 'POST',
    path: '/api/transitions/{transitionId}/contacten',
    summary: 'Leg een contactmoment vast (wanneer, wie, hoe, een korte notitie)',
    auth: 'principal',
    params: TransitionParams,
    body: RecordContactInput,
    idempotent: true,
    response: { status: 201, schema: Contact, description: 'Het contactmoment' },
    errors: [400, 401, 403, 404, 409],
  }),
} as const satisfies Record<string, OperationSpec>;
