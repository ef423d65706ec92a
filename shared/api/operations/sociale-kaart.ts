import * as z from 'zod';
import { NieuwePartner, Partner, PartnerGegevens, TredeStap, WijkKey } from '../../domain/wijk/sociale-kaart';
import { op, type OperationSpec } from '../operation';

const KaartVersion = z
  .number({ error: 'Geef de versie van de partner mee die je wijzigt.' })
  .int()
  .positive()
  .meta({ description: 'De versie van de partner waarop deze wijziging is gebaseerd; een oudere versie geeft 409.' });

export const WijkParams = z.object({ wijk: WijkKey });
export const PartnerParams = z.object({
  wijk: WijkKey,
  partnerId: z.string().min(1).max(64).meta({ description: 'Id van de partner' }),
});

export const KaartWijkenList = z
  .object({
    items: z.array(
      z.object({
        wijk: z.string().meta({ description: 'De naam van de wijk' }),
        wijkKey: z.string().meta({ description: 'De sleutel van de wijk, voor de adressen hieronder' }),
        partners: z.number().int().nonnegative(),
      }),
    ),
  })
  .meta({ id: 'KaartWijkenList' });

export const PartnerList = z
  .object({ wijkKey: z.string(), items: z.array(Partner) })
  .meta({ id: 'PartnerList', description: 'De partners van de wijk, hoogste trede eerst' });

export const NieuwePartnerBody = NieuwePartner.meta({ id: 'NieuwePartner' });
export const PartnerWijzigingBody = PartnerGegevens.extend({ expectedVersion: KaartVersion }).meta({
  id: 'PartnerWijziging',
});
export const TredeStapBody = TredeStap.extend({ expectedVersion: KaartVersion }).meta({ id: 'TredeStap' });

/**
 * The sociale kaart of a wijk: partners and their rung on the bindingsladder, kept per provider and wijk. No
 * person's data: the schemas have no field for a client.
 */
export const socialeKaartOperations = {
  listKaartWijken: op({
    capability: 'sociale-kaart',
    method: 'GET',
    path: '/api/sociale-kaart',
    summary: 'Sociale kaart: de wijken van mijn organisatie met partners',
    auth: 'principal',
    response: { status: 200, schema: KaartWijkenList, description: 'De wijken' },
    errors: [401, 403],
  }),
  listPartners: op({
    capability: 'sociale-kaart',
    method: 'GET',
    path: '/api/sociale-kaart/{wijk}',
    summary: 'De partners van een wijk met hun trede op de bindingsladder',
    auth: 'principal',
    params: WijkParams,
    response: { status: 200, schema: PartnerList, description: 'De partners (een onbekende wijk: geen partners)' },
    errors: [400, 401, 403],
  }),
  addPartner: op({
    capability: 'sociale-kaart',
    method: 'POST',
    path: '/api/sociale-kaart/partners',
    summary: 'Een partner op de sociale kaart van een wijk zetten',
    auth: 'principal',
    body: NieuwePartnerBody,
    idempotent: true,
    response: { status: 201, schema: Partner, description: 'De partner' },
    errors: [400, 401, 403, 409],
  }),
  changePartner: op({
    capability: 'sociale-kaart',
    method: 'PUT',
    path: '/api/sociale-kaart/{wijk}/partners/{partnerId}',
    summary: 'De gegevens van een partner wijzigen (naam, soort, contactpersoon, aanbod, notitie)',
    auth: 'principal',
    params: PartnerParams,
    body: PartnerWijzigingBody,
    response: { status: 200, schema: Partner, description: 'De partner' },
    errors: [400, 401, 403, 404, 409],
  }),
  moveOnLadder: op({
    capability: 'sociale-kaart',
    method: 'POST',
    path: '/api/sociale-kaart/{wijk}/partners/{partnerId}/trede',
    summary: 'Een partner een trede op of af op de bindingsladder, met toelichting',
    auth: 'principal',
    params: PartnerParams,
    body: TredeStapBody,
    response: { status: 200, schema: Partner, description: 'De partner' },
    errors: [400, 401, 403, 404, 409],
  }),
} as const satisfies Record<string, OperationSpec>;
