import * as z from 'zod';
import { AanmeldingInput, Fase, Transition, TransitionSummary } from '../domain/transition';
import { Adres, ContractSchema, Eenheidnummer, IsoDate, ReadinessItemId, Reden, SignSchema, SupportChangeSchema, UitkeringStatusSchema } from '../domain/traject-schemas';
import { supportLevels } from '../domain/support';
import { Budget, Cents, LedgerEntry, Spend, SpendCategory } from '../domain/regelbudget-schemas';
import { Contact, RecordContactInput, RegisterSignalInput, ResolveSignalInput, Signal } from '../domain/signal-schemas';
import { TeamView, TodayView } from './caseload-schemas';
import { AuditEntry } from '../domain/audit';
import {
  ApiKeyList,
  ApiKeyParams,
  CorporationParams,
  CreateEndpointInput,
  DeliveryLog,
  DeliveryLogQuery,
  EndpointList,
  EndpointParams,
  EndpointWithSecret,
  NewApiKey,
  ReplayInput,
  ReplayResult,
  ReportedSignal,
  ReportedSignalList,
  ReportSignalInput,
  RotateSecretInput,
  TestEventResult,
  UpdateEndpointInput,
} from './webhook-schemas';
import { EndpointView } from '../domain/webhook-schemas';
import { AllocationCheckSchema, ToewijzingFields, VowDraftSchema } from '../domain/iwmo-schemas';
import { redenVerzoekCodes } from '../domain/iwmo';
import { TimelineEvent } from '../domain/timeline';
import { Principal } from '../domain/principal';
import { Organisation, StaffMember } from '../domain/organisation';

/**
 * The HTTP API as one typed table. It is the single source for:
 * - the OpenAPI document (shared/api/openapi.ts),
 * - the routes API Gateway gets in CDK (infra/api) and the local gateway serves (infra/local),
 * - the handler each capability's Lambda must provide (functions/<capability>/api.ts, type-checked),
 * - the SPA's typed client (web/src/api).
 */
export const capabilities = ['transitions', 'budget', 'signals', 'caseload', 'audit', 'webhooks', 'corporation', 'organisation', 'meta'] as const;
export type Capability = (typeof capabilities)[number];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface OperationSpec {
  capability: Capability;
  method: HttpMethod;
  /** API Gateway route path, `{name}` for path parameters. Always under /api. */
  path: `/api/${string}`;
  summary: string;
  /**
   * `principal`: a signed-in member of staff (Cognito JWT); `corporation`: a housing corporation's system,
   * by its API key (a Lambda authorizer); `public`: nobody (only the health check).
   */
  auth: 'principal' | 'corporation' | 'public';
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Whether the operation honours an `Idempotency-Key` header (retries return the first result). */
  idempotent?: boolean;
  /** `text/csv` responses carry their body as a string (exports for a spreadsheet). */
  response: { status: 200 | 201 | 202; schema: z.ZodType; description: string; contentType?: 'application/json' | 'text/csv' };
  errors: readonly (400 | 401 | 403 | 404 | 409 | 503)[];
}

const TransitionParams = z.object({
  transitionId: z.string().min(1).max(64).meta({ description: 'Id van het traject' }),
});

export const TransitionListScope = z.enum(['mine', 'team']);
export type TransitionListScope = z.infer<typeof TransitionListScope>;

export const ListTransitionsQuery = z.object({
  scope: TransitionListScope.default('mine').meta({
    description: '`mine`: trajecten waarin ik begeleider ben; `team`: alle trajecten van mijn team',
  }),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(1024).optional().meta({ description: 'Vervolg van een vorige pagina (nextCursor)' }),
});
export type ListTransitionsQuery = z.infer<typeof ListTransitionsQuery>;

export const TransitionPage = z
  .object({ items: z.array(TransitionSummary), nextCursor: z.string().optional() })
  .meta({ id: 'TransitionPage' });
export type TransitionPage = z.infer<typeof TransitionPage>;

export const Timeline = z.object({ items: z.array(TimelineEvent) }).meta({ id: 'Timeline' });
export type Timeline = z.infer<typeof Timeline>;

export const Me = z.object({ principal: Principal, organisation: Organisation }).meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

export const StaffList = z.object({ items: z.array(StaffMember) }).meta({ id: 'StaffList' });
export type StaffList = z.infer<typeof StaffList>;

export const Health = z
  .object({ status: z.enum(['ok', 'degraded']), checks: z.record(z.string(), z.enum(['ok', 'failing'])) })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof Health>;

const SupportLevel = z.enum(supportLevels);

const ExpectedVersion = z
  .number({ error: 'Geef de versie van het traject mee die je wijzigt.' })
  .int()
  .positive()
  .meta({ description: 'De versie van het traject waarop deze wijziging is gebaseerd; een oudere versie geeft 409.' });

export const ChangeFaseInput = z
  .object({ naar: Fase, reden: Reden, expectedVersion: ExpectedVersion })
  .strict()
  .meta({ id: 'ChangeFaseInput' });

export const SetReadinessInput = z
  .object({
    gedaan: z.boolean({ error: 'Geef aan of het punt gedaan is.' }),
    gedaanOp: IsoDate.optional(),
    notitie: z.string().trim().max(500, { error: 'De notitie is te lang (hooguit 500 tekens).' }).optional(),
    expectedVersion: ExpectedVersion,
  })
  .strict()
  .meta({ id: 'SetReadinessInput' });

export const RegisterOfferInput = z
  .object({
    corporatieId: z.string({ error: 'Kies de woningcorporatie.' }).min(1, { error: 'Kies de woningcorporatie.' }).max(64, { error: 'Kies een bekende woningcorporatie.' }),
    adres: Adres,
    wijk: z.string({ error: 'Vul de wijk in.' }).trim().min(1, { error: 'Vul de wijk in.' }).max(60),
    huurPerMaandCent: z
      .number({ error: 'Vul de huur per maand in.' })
      .int({ error: 'De huur is een bedrag in centen.' })
      .positive({ error: 'De huur moet meer dan nul zijn.' })
      .max(500_000, { error: 'Deze huur is niet aannemelijk voor een sociale huurwoning.' }),
    beschikbaarVanaf: IsoDate,
    reactieUiterlijk: IsoDate,
    eenheidnummer: Eenheidnummer.optional(),
    expectedVersion: ExpectedVersion,
  })
  .strict()
  .refine((o) => o.reactieUiterlijk <= o.beschikbaarVanaf, {
    error: 'De reactietermijn eindigt uiterlijk op de dag dat de woning beschikbaar is.',
    path: ['reactieUiterlijk'],
  })
  .meta({ id: 'RegisterOfferInput' });

export const DecideOfferInput = z
  .object({ besluit: z.enum(['geaccepteerd', 'afgewezen'], { error: 'Kies accepteren of afwijzen.' }), reden: Reden.optional(), expectedVersion: ExpectedVersion })
  .strict()
  .meta({ id: 'DecideOfferInput' });

export const SignContractInput = z
  .object({
    vorm: ContractSchema.shape.vorm,
    ingangsdatum: IsoDate,
    getekendOp: IsoDate,
    omklapNaMaanden: ContractSchema.shape.omklapNaMaanden,
    garantstelling: ContractSchema.shape.garantstelling,
    contractnummer: ContractSchema.shape.contractnummer,
    expectedVersion: ExpectedVersion,
  })
  .strict()
  .meta({ id: 'SignContractInput' });

export const SetMoveDateInput = z
  .object({ verhuisdatum: IsoDate, expectedVersion: ExpectedVersion })
  .strict()
  .meta({ id: 'SetMoveDateInput' });

export const SetUitkeringInput = UitkeringStatusSchema.extend({ expectedVersion: ExpectedVersion })
  .strict()
  .meta({ id: 'SetUitkeringInput' });

export const TransitionOverview = z
  .object({
    today: IsoDate,
    nextFases: z.array(Fase),
    gereedheid: z.object({
      done: z.number().int(),
      total: z.number().int(),
      openBlocking: z.array(ReadinessItemId),
      ready: z.boolean(),
    }),
    uitkering: z.object({
      level: z.enum(['groen', 'oranje', 'rood', 'open']),
      reden: z.string(),
      latestSafeApplicationDate: IsoDate.optional(),
      expectedDecisionDate: IsoDate.optional(),
      decisionWeeks: z.number().int(),
    }),
    huurtoeslag: z.object({ reden: z.string(), suggestie: IsoDate }).optional(),
    omklapDatum: IsoDate.optional(),
    omklapAankondiging: IsoDate.optional(),
    plaatsingenInWijk: z.number().int().optional(),
    deadlines: z.array(z.object({ datum: IsoDate, wat: z.string() })),
    verhuiskostenOngedekt: z.boolean().meta({ description: 'Op de bevestigingsdag bleken de verhuiskosten niet gedekt uit het regelbudget' }),
    ondersteuning: z.object({
      niveau: SupportLevel.optional(),
      sinds: IsoDate.optional(),
      volgendeEvaluatie: z.object({ datum: IsoDate, wijzigingId: z.string() }).optional(),
      langIntensief: z.number().int().optional(),
      voorstelRondVerhuizing: z.object({ niveau: SupportLevel, vanaf: IsoDate, tot: IsoDate, reden: z.string() }).optional(),
      spans: z.array(z.object({ niveau: SupportLevel, van: IsoDate, tot: IsoDate })),
      toewijzing: AllocationCheckSchema.optional(),
    }),
  })
  .meta({ id: 'TransitionOverview' });
export type TransitionOverview = z.infer<typeof TransitionOverview>;

export const ChangeSupportInput = SupportChangeSchema.pick({ niveau: true, modaliteiten: true, reden: true, vanaf: true, tot: true })
  .extend({ expectedVersion: ExpectedVersion })
  .strict()
  .refine((c) => !c.tot || c.tot >= c.vanaf, { error: 'Het einde ligt vóór het begin.', path: ['tot'] })
  .meta({ id: 'ChangeSupportInput' });

export const ReviewSupportInput = z
  .object({
    wijzigingId: z.string().min(1),
    uitkomst: z.enum(['bevestigd', 'afgeschaald', 'verlengd'], { error: 'Kies bevestigen, afschalen of verlengen.' }),
    tot: IsoDate.optional(),
    expectedVersion: ExpectedVersion,
  })
  .strict()
  .meta({ id: 'ReviewSupportInput' });

export const SavePlanInput = z
  .object({
    tekens: z.array(SignSchema.omit({ id: true }).extend({ id: z.string().max(64).optional() })).max(60),
    opgesteldMet: z.string({ error: 'Vul in met wie het plan is opgesteld.' }).trim().min(3, { error: 'Vul in met wie het plan is opgesteld.' }).max(200),
    expectedVersion: ExpectedVersion,
  })
  .strict()
  .meta({ id: 'SavePlanInput' });

export const AgreePlanInput = z
  .object({ versie: z.number().int().positive(), op: IsoDate, expectedVersion: ExpectedVersion })
  .strict()
  .meta({ id: 'AgreePlanInput' });

export const RecordAllocationInput = ToewijzingFields.extend({ expectedVersion: ExpectedVersion })
  .strict()
  .refine((a) => !a.einddatum || a.einddatum >= a.ingangsdatum, { error: 'De einddatum ligt vóór de ingangsdatum.', path: ['einddatum'] })
  .refine((a) => !a.productCode || Boolean(a.productCategorie), { error: 'Vul bij een productcode ook de productcategorie in.', path: ['productCategorie'] })
  .meta({ id: 'RecordAllocationInput' });

export const DraftVowInput = z
  .object({
    redenVerzoek: z.enum(redenVerzoekCodes, { error: 'Kies de reden van het verzoek: 01 (verandering cliëntsituatie) of 02 (wijziging zorgplan).' }),
    gewensteIngangsdatum: IsoDate,
    toelichting: z.string().trim().max(500, { error: 'De toelichting is te lang (hooguit 500 tekens).' }).optional(),
  })
  .strict()
  .meta({ id: 'DraftVowInput' });

export const ContactList = z
  .object({
    items: z.array(Contact),
    toegestaneDagen: z.number().int().optional().meta({ description: 'Zo lang mag het niveau van ondersteuning zonder contact' }),
    achterstandDagen: z.number().int().optional().meta({ description: 'Zoveel dagen is het contact over tijd' }),
  })
  .meta({ id: 'Contactmomenten' });

export const SignalList = z.object({ items: z.array(Signal) }).meta({ id: 'SignaalLijst' });

export const CorporationList = z.object({ items: z.array(Organisation) }).meta({ id: 'CorporationList' });

export const BudgetView = z
  .object({
    budget: Budget.optional(),
    uitgaven: z.array(Spend),
    grootboek: z.array(LedgerEntry),
    drempelCent: z.number().int().meta({ description: 'Uitgaven boven dit bedrag vragen goedkeuring van een budgethouder' }),
  })
  .meta({ id: 'RegelbudgetOverzicht' });
export type BudgetView = z.infer<typeof BudgetView>;

export const GrantBudgetInput = z
  .object({ toegekendCent: Cents, geldigVan: IsoDate, geldigTot: IsoDate })
  .strict()
  .refine((b) => b.geldigVan <= b.geldigTot, { error: 'De einddatum ligt vóór de begindatum.', path: ['geldigTot'] })
  .meta({ id: 'GrantBudgetInput' });

export const ProposeSpendInput = z
  .object({
    categorie: SpendCategory,
    bedragCent: Cents,
    ontvanger: z.string({ error: 'Vul in aan wie betaald wordt.' }).trim().min(1, { error: 'Vul in aan wie betaald wordt.' }).max(120),
    reden: z.string({ error: 'Geef een korte reden.' }).trim().min(3, { error: 'Geef een korte reden.' }).max(500),
    bonReferentie: z.string().trim().max(120).optional(),
  })
  .strict()
  .meta({ id: 'ProposeSpendInput' });

export const DecideSpendInput = z
  .object({ besluit: z.enum(['goedgekeurd', 'afgewezen'], { error: 'Kies goedkeuren of afwijzen.' }), reden: Reden.optional() })
  .strict()
  .refine((d) => d.besluit === 'goedgekeurd' || Boolean(d.reden), { error: 'Geef een reden bij afwijzen.', path: ['reden'] })
  .meta({ id: 'DecideSpendInput' });

export const PaySpendInput = z.object({ betaaldOp: IsoDate }).strict().meta({ id: 'PaySpendInput' });
export const CancelSpendInput = z.object({ reden: Reden }).strict().meta({ id: 'CancelSpendInput' });

export const SpendList = z.object({ items: z.array(Spend) }).meta({ id: 'Uitgaven' });

export const LedgerExportQuery = z
  .object({ van: IsoDate, tot: IsoDate })
  .refine((q) => q.van <= q.tot, { error: 'De einddatum ligt vóór de begindatum.', path: ['tot'] });

const SpendParams = TransitionParams.extend({ spendId: z.string().min(1).max(64) });

const CommandParams = TransitionParams;

const AuditPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(1024).optional(),
});
export const AuditPage = z.object({ items: z.array(AuditEntry), nextCursor: z.string().optional() }).meta({ id: 'AuditPagina' });
const commandErrors = [400, 401, 403, 404, 409] as const;

const op = <const T extends OperationSpec>(spec: T): T => spec;

export const operations = {
  createTransition: op({
    capability: 'transitions',
    method: 'POST',
    path: '/api/transitions',
    summary: 'Registreer een nieuw traject (aanmelding) en start het werkproces',
    auth: 'principal',
    body: AanmeldingInput,
    idempotent: true,
    response: { status: 201, schema: Transition, description: 'Het geregistreerde traject' },
    errors: [400, 401, 403, 503],
  }),
  listTransitions: op({
    capability: 'transitions',
    method: 'GET',
    path: '/api/transitions',
    summary: 'Lijst van trajecten, nieuwste eerst, per pagina',
    auth: 'principal',
    query: ListTransitionsQuery,
    response: { status: 200, schema: TransitionPage, description: 'Een pagina trajecten' },
    errors: [400, 401, 403],
  }),
  getTransition: op({
    capability: 'transitions',
    method: 'GET',
    path: '/api/transitions/{transitionId}',
    summary: 'Eén traject',
    auth: 'principal',
    params: TransitionParams,
    response: { status: 200, schema: Transition, description: 'Het traject' },
    errors: [401, 403, 404],
  }),
  getTimeline: op({
    capability: 'transitions',
    method: 'GET',
    path: '/api/transitions/{transitionId}/timeline',
    summary: 'Tijdlijn van een traject, oudste eerst',
    auth: 'principal',
    params: TransitionParams,
    response: { status: 200, schema: Timeline, description: 'De gebeurtenissen van het traject' },
    errors: [401, 403, 404],
  }),
  getOverview: op({
    capability: 'transitions',
    method: 'GET',
    path: '/api/transitions/{transitionId}/overview',
    summary: 'Overzicht van een traject: gereedheid, uitkeringsrisico, omklap, deadlines (berekend op de dag van vandaag)',
    auth: 'principal',
    params: TransitionParams,
    response: { status: 200, schema: TransitionOverview, description: 'Het overzicht' },
    errors: [401, 403, 404],
  }),
  changeFase: op({
    capability: 'transitions',
    method: 'POST',
    path: '/api/transitions/{transitionId}/fase',
    summary: 'Zet het traject in een andere fase, met een reden (teruggevallen kan vanuit elke actieve fase)',
    auth: 'principal',
    params: CommandParams,
    body: ChangeFaseInput,
    response: { status: 200, schema: Transition, description: 'Het gewijzigde traject' },
    errors: commandErrors,
  }),
  setReadiness: op({
    capability: 'transitions',
    method: 'PUT',
    path: '/api/transitions/{transitionId}/gereedheid/{itemId}',
    summary: 'Vink een punt van de voorbereiding af (of weer open)',
    auth: 'principal',
    params: CommandParams.extend({ itemId: ReadinessItemId }),
    body: SetReadinessInput,
    response: { status: 200, schema: Transition, description: 'Het gewijzigde traject' },
    errors: commandErrors,
  }),
  registerOffer: op({
    capability: 'transitions',
    method: 'POST',
    path: '/api/transitions/{transitionId}/aanbiedingen',
    summary: 'Registreer een woningaanbod (contingentwoning) van een corporatie',
    auth: 'principal',
    params: CommandParams,
    body: RegisterOfferInput,
    response: { status: 200, schema: Transition, description: 'Het gewijzigde traject' },
    errors: commandErrors,
  }),
  decideOffer: op({
    capability: 'transitions',
    method: 'POST',
    path: '/api/transitions/{transitionId}/aanbiedingen/{aanbiedingId}/besluit',
    summary: 'Accepteer of wijs een woningaanbod af (afwijzen met reden)',
    auth: 'principal',
    params: CommandParams.extend({ aanbiedingId: z.string().min(1).max(64) }),
    body: DecideOfferInput,
    response: { status: 200, schema: Transition, description: 'Het gewijzigde traject' },
    errors: commandErrors,
  }),
  signContract: op({
    capability: 'transitions',
    method: 'PUT',
    path: '/api/transitions/{transitionId}/contract',
    summary: 'Leg het getekende huurcontract vast (driepartijenovereenkomst met omklap, of eigen huurcontract)',
    auth: 'principal',
    params: CommandParams,
    body: SignContractInput,
    response: { status: 200, schema: Transition, description: 'Het gewijzigde traject' },
    errors: commandErrors,
  }),
  setMoveDate: op({
    capability: 'transitions',
    method: 'PUT',
    path: '/api/transitions/{transitionId}/verhuisdatum',
    summary: 'Leg de verhuisdatum vast of verander die (het werkproces wacht mee)',
    auth: 'principal',
    params: CommandParams,
    body: SetMoveDateInput,
    response: { status: 200, schema: Transition, description: 'Het gewijzigde traject' },
    errors: commandErrors,
  }),
  setUitkering: op({
    capability: 'transitions',
    method: 'PUT',
    path: '/api/transitions/{transitionId}/uitkering',
    summary: 'Leg aanvraag, besluit en ingangsdatum van de uitkering vast',
    auth: 'principal',
    params: CommandParams,
    body: SetUitkeringInput,
    response: { status: 200, schema: Transition, description: 'Het gewijzigde traject' },
    errors: commandErrors,
  }),
  getBudget: op({
    capability: 'budget',
    method: 'GET',
    path: '/api/transitions/{transitionId}/regelbudget',
    summary: 'Het regelbudget van een traject: saldo, uitgaven en grootboek',
    auth: 'principal',
    params: TransitionParams,
    response: { status: 200, schema: BudgetView, description: 'Het regelbudget' },
    errors: [401, 403, 404],
  }),
  grantBudget: op({
    capability: 'budget',
    method: 'PUT',
    path: '/api/transitions/{transitionId}/regelbudget',
    summary: 'Ken een regelbudget toe (budgethouder van de gemeente)',
    auth: 'principal',
    params: TransitionParams,
    body: GrantBudgetInput,
    response: { status: 200, schema: Budget, description: 'Het toegekende budget' },
    errors: [400, 401, 403, 404, 409],
  }),
  proposeSpend: op({
    capability: 'budget',
    method: 'POST',
    path: '/api/transitions/{transitionId}/regelbudget/uitgaven',
    summary: 'Stel een uitgave voor; tot de drempel van de gemeente direct goedgekeurd, daarboven gereserveerd',
    auth: 'principal',
    params: TransitionParams,
    body: ProposeSpendInput,
    idempotent: true,
    response: { status: 201, schema: Spend, description: 'De uitgave' },
    errors: [400, 401, 403, 404, 409],
  }),
  decideSpend: op({
    capability: 'budget',
    method: 'POST',
    path: '/api/transitions/{transitionId}/regelbudget/uitgaven/{spendId}/besluit',
    summary: 'Keur een voorgestelde uitgave goed of wijs haar af (budgethouder)',
    auth: 'principal',
    params: SpendParams,
    body: DecideSpendInput,
    response: { status: 200, schema: Spend, description: 'De uitgave' },
    errors: [400, 401, 403, 404, 409],
  }),
  paySpend: op({
    capability: 'budget',
    method: 'POST',
    path: '/api/transitions/{transitionId}/regelbudget/uitgaven/{spendId}/betaling',
    summary: 'Markeer een goedgekeurde uitgave als betaald',
    auth: 'principal',
    params: SpendParams,
    body: PaySpendInput,
    response: { status: 200, schema: Spend, description: 'De uitgave' },
    errors: [400, 401, 403, 404, 409],
  }),
  cancelSpend: op({
    capability: 'budget',
    method: 'POST',
    path: '/api/transitions/{transitionId}/regelbudget/uitgaven/{spendId}/annulering',
    summary: 'Annuleer een uitgave die nog niet betaald is; het bedrag komt terug',
    auth: 'principal',
    params: SpendParams,
    body: CancelSpendInput,
    response: { status: 200, schema: Spend, description: 'De uitgave' },
    errors: [400, 401, 403, 404, 409],
  }),
  budgetInbox: op({
    capability: 'budget',
    method: 'GET',
    path: '/api/regelbudget/inbox',
    summary: 'Uitgaven die wachten op goedkeuring in mijn gemeente (budgethouder)',
    auth: 'principal',
    response: { status: 200, schema: SpendList, description: 'De wachtende uitgaven, oudste eerst' },
    errors: [401, 403],
  }),
  exportLedger: op({
    capability: 'budget',
    method: 'GET',
    path: '/api/regelbudget/export',
    summary: 'Grootboek van mijn gemeente over een periode, als CSV voor de financiële administratie',
    auth: 'principal',
    query: LedgerExportQuery,
    response: { status: 200, schema: z.string(), description: 'CSV (puntkomma, euro met komma)', contentType: 'text/csv' },
    errors: [400, 401, 403],
  }),
  changeSupport: op({
    capability: 'transitions',
    method: 'POST',
    path: '/api/transitions/{transitionId}/ondersteuning',
    summary: 'Wijzig de intensiteit van de ambulante ondersteuning (op- of afschalen, eventueel tijdelijk)',
    auth: 'principal',
    params: CommandParams,
    body: ChangeSupportInput,
    response: { status: 200, schema: Transition, description: 'Het gewijzigde traject' },
    errors: commandErrors,
  }),
  reviewSupport: op({
    capability: 'transitions',
    method: 'POST',
    path: '/api/transitions/{transitionId}/ondersteuning/evaluatie',
    summary: 'Evalueer een opschaling: bevestigen, één stap afschalen, of verlengen',
    auth: 'principal',
    params: CommandParams,
    body: ReviewSupportInput,
    response: { status: 200, schema: Transition, description: 'Het gewijzigde traject' },
    errors: commandErrors,
  }),
  savePlan: op({
    capability: 'transitions',
    method: 'PUT',
    path: '/api/transitions/{transitionId}/signaleringsplan',
    summary: 'Leg een nieuwe versie van het signaleringsplan vast (tekens per fase, actie, wie, wie het mag weten)',
    auth: 'principal',
    params: CommandParams,
    body: SavePlanInput,
    response: { status: 200, schema: Transition, description: 'Het gewijzigde traject' },
    errors: commandErrors,
  }),
  agreePlan: op({
    capability: 'transitions',
    method: 'POST',
    path: '/api/transitions/{transitionId}/signaleringsplan/akkoord',
    summary: 'Leg het akkoord van de persoon op de geldende versie vast',
    auth: 'principal',
    params: CommandParams,
    body: AgreePlanInput,
    response: { status: 200, schema: Transition, description: 'Het gewijzigde traject' },
    errors: commandErrors,
  }),
  recordAllocation: op({
    capability: 'transitions',
    method: 'PUT',
    path: '/api/transitions/{transitionId}/toewijzing',
    summary: 'Leg de iWmo-toewijzing van de ambulante ondersteuning vast (vervangt de vorige)',
    auth: 'principal',
    params: CommandParams,
    body: RecordAllocationInput,
    response: { status: 200, schema: Transition, description: 'Het gewijzigde traject' },
    errors: commandErrors,
  }),
  draftVow: op({
    capability: 'transitions',
    method: 'POST',
    path: '/api/transitions/{transitionId}/toewijzing/verzoek-om-wijziging',
    summary: 'Stel een verzoek om wijziging (iWmo WMO317) op uit de geplande ondersteuning; er wordt niets opgeslagen of verstuurd',
    auth: 'principal',
    params: TransitionParams,
    body: DraftVowInput,
    response: { status: 200, schema: VowDraftSchema, description: 'Het concept, om in het iWmo-systeem van de aanbieder in te lezen' },
    errors: [400, 401, 403, 404, 409],
  }),
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
  getToday: op({
    capability: 'caseload',
    method: 'GET',
    path: '/api/vandaag',
    summary: 'Vandaag: mijn open taken (signalen), evaluaties en deadlines van mijn trajecten, mijn caseload',
    auth: 'principal',
    response: { status: 200, schema: TodayView, description: 'Wat vandaag aandacht vraagt' },
    errors: [401, 403],
  }),
  getTeam: op({
    capability: 'caseload',
    method: 'GET',
    path: '/api/team',
    summary: 'Het team: caseload per begeleider tegen de capaciteit, en wie lang op intensief staat',
    auth: 'principal',
    response: { status: 200, schema: TeamView, description: 'De caseload van het team' },
    errors: [401, 403],
  }),
  listContacts: op({
    capability: 'signals',
    method: 'GET',
    path: '/api/transitions/{transitionId}/contacten',
    summary: 'Recente contactmomenten, en of het contact over tijd is voor het niveau van ondersteuning',
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
    response: { status: 201, schema: Contact, description: 'Het contactmoment' },
    errors: [400, 401, 403, 404, 409],
  }),
  getPersonAudit: op({
    capability: 'audit',
    method: 'GET',
    path: '/api/transitions/{transitionId}/audit',
    summary: 'Wie heeft het dossier van deze persoon ingezien of gewijzigd (NEN 7513), nieuwste eerst (teamleider)',
    auth: 'principal',
    params: TransitionParams,
    query: AuditPageQuery,
    response: { status: 200, schema: AuditPage, description: 'De auditregels' },
    errors: [400, 401, 403, 404],
  }),
  exportAccessReport: op({
    capability: 'audit',
    method: 'GET',
    path: '/api/transitions/{transitionId}/inzageverslag',
    summary: 'Inzageverslag voor de persoon (AVG, recht op inzage): wie zag of wijzigde het dossier, wanneer en waarom, als CSV',
    auth: 'principal',
    params: TransitionParams,
    response: { status: 200, schema: z.string(), description: 'CSV (puntkomma)', contentType: 'text/csv' },
    errors: [401, 403, 404],
  }),
  getUserAudit: op({
    capability: 'audit',
    method: 'GET',
    path: '/api/audit/gebruikers/{userId}',
    summary: 'Wat een medewerker van het eigen team heeft ingezien of gewijzigd, nieuwste eerst (teamleider)',
    auth: 'principal',
    params: z.object({ userId: z.string().min(1).max(64) }),
    query: AuditPageQuery,
    response: { status: 200, schema: AuditPage, description: 'De auditregels' },
    errors: [400, 401, 403, 404],
  }),
  listEmergencyAccess: op({
    capability: 'audit',
    method: 'GET',
    path: '/api/audit/noodtoegang',
    summary: 'Noodtoegang tot dossiers van mijn team, met de reden, om na te lopen (teamleider)',
    auth: 'principal',
    query: AuditPageQuery,
    response: { status: 200, schema: AuditPage, description: 'De keren dat iemand noodtoegang gebruikte' },
    errors: [400, 401, 403],
  }),
  listEndpoints: op({
    capability: 'webhooks',
    method: 'GET',
    path: '/api/corporaties/{corporatieId}/endpoints',
    summary: 'Webhook-endpoints van een corporatie, met hun gezondheid (beheerder)',
    auth: 'principal',
    params: CorporationParams,
    response: { status: 200, schema: EndpointList, description: 'De endpoints, zonder secrets' },
    errors: [401, 403, 404],
  }),
  createEndpoint: op({
    capability: 'webhooks',
    method: 'POST',
    path: '/api/corporaties/{corporatieId}/endpoints',
    summary: 'Voeg een webhook-endpoint toe; het secret wordt één keer getoond',
    auth: 'principal',
    params: CorporationParams,
    body: CreateEndpointInput,
    response: { status: 201, schema: EndpointWithSecret, description: 'Het endpoint en zijn secret (eenmalig)' },
    errors: [400, 401, 403, 404],
  }),
  updateEndpoint: op({
    capability: 'webhooks',
    method: 'PATCH',
    path: '/api/corporaties/{corporatieId}/endpoints/{endpointId}',
    summary: 'Wijzig URL, soorten meldingen of aan/uit van een endpoint',
    auth: 'principal',
    params: EndpointParams,
    body: UpdateEndpointInput,
    response: { status: 200, schema: EndpointView, description: 'Het endpoint' },
    errors: [400, 401, 403, 404, 409],
  }),
  rotateSecret: op({
    capability: 'webhooks',
    method: 'POST',
    path: '/api/corporaties/{corporatieId}/endpoints/{endpointId}/secret',
    summary: 'Roteer het secret: het oude tekent nog mee tot het einde van de overlap',
    auth: 'principal',
    params: EndpointParams,
    body: RotateSecretInput,
    response: { status: 200, schema: EndpointWithSecret, description: 'Het endpoint en het nieuwe secret (eenmalig)' },
    errors: [400, 401, 403, 404, 409],
  }),
  listDeliveries: op({
    capability: 'webhooks',
    method: 'GET',
    path: '/api/corporaties/{corporatieId}/endpoints/{endpointId}/afleveringen',
    summary: 'Afleverlog van een endpoint: pogingen, statuscodes, latency, volgende poging (nieuwste eerst)',
    auth: 'principal',
    params: EndpointParams,
    query: DeliveryLogQuery,
    response: { status: 200, schema: DeliveryLog, description: 'De afleveringen' },
    errors: [400, 401, 403, 404],
  }),
  replayDeliveries: op({
    capability: 'webhooks',
    method: 'POST',
    path: '/api/corporaties/{corporatieId}/endpoints/{endpointId}/opnieuw',
    summary: 'Bied één aflevering opnieuw aan, of alles wat mislukte (geparkeerd) sinds een tijdstip',
    auth: 'principal',
    params: EndpointParams,
    body: ReplayInput,
    response: { status: 200, schema: ReplayResult, description: 'Hoeveel afleveringen opnieuw worden aangeboden' },
    errors: [400, 401, 403, 404, 409],
  }),
  sendTestEvent: op({
    capability: 'webhooks',
    method: 'POST',
    path: '/api/corporaties/{corporatieId}/endpoints/{endpointId}/test',
    summary: 'Stuur een testmelding naar dit endpoint',
    auth: 'principal',
    params: EndpointParams,
    response: { status: 202, schema: TestEventResult, description: 'De testmelding staat klaar om te versturen' },
    errors: [401, 403, 404],
  }),
  listApiKeys: op({
    capability: 'webhooks',
    method: 'GET',
    path: '/api/corporaties/{corporatieId}/api-sleutels',
    summary: 'API-sleutels van een corporatie (alleen het voorvoegsel)',
    auth: 'principal',
    params: CorporationParams,
    response: { status: 200, schema: ApiKeyList, description: 'De sleutels' },
    errors: [401, 403, 404],
  }),
  createApiKey: op({
    capability: 'webhooks',
    method: 'POST',
    path: '/api/corporaties/{corporatieId}/api-sleutels',
    summary: 'Maak een API-sleutel voor de corporatie; de sleutel wordt één keer getoond',
    auth: 'principal',
    params: CorporationParams,
    response: { status: 201, schema: NewApiKey, description: 'De sleutel (eenmalig)' },
    errors: [401, 403, 404],
  }),
  revokeApiKey: op({
    capability: 'webhooks',
    method: 'DELETE',
    path: '/api/corporaties/{corporatieId}/api-sleutels/{prefix}',
    summary: 'Trek een API-sleutel in',
    auth: 'principal',
    params: ApiKeyParams,
    response: { status: 200, schema: ApiKeyList, description: 'De sleutels die overblijven' },
    errors: [401, 403, 404],
  }),
  reportSignal: op({
    capability: 'corporation',
    method: 'POST',
    path: '/api/corporatie/signalen',
    summary: 'Corporatie: meld een signaal over een woning die u verhuurt, met uw eigen eenheidnummer',
    auth: 'corporation',
    body: ReportSignalInput,
    response: { status: 201, schema: ReportedSignal, description: 'Het signaal is ontvangen' },
    errors: [400, 401, 403, 404, 409],
  }),
  listReportedSignals: op({
    capability: 'corporation',
    method: 'GET',
    path: '/api/corporatie/signalen',
    summary: 'Corporatie: de signalen die u meldde, en of ze zijn opgepakt',
    auth: 'corporation',
    response: { status: 200, schema: ReportedSignalList, description: 'Uw gemelde signalen, nieuwste eerst' },
    errors: [401, 403],
  }),
  getNotice: op({
    capability: 'corporation',
    method: 'GET',
    path: '/api/corporatie/meldingen/{eventId}',
    summary: 'Corporatie: een melding opnieuw ophalen (de dataref van de CloudEvent)',
    auth: 'corporation',
    params: z.object({ eventId: z.string().min(1).max(64) }),
    response: { status: 200, schema: z.record(z.string(), z.unknown()).meta({ id: 'CloudEvent' }), description: 'De melding als CloudEvent' },
    errors: [401, 403, 404],
  }),
  listCorporations: op({
    capability: 'organisation',
    method: 'GET',
    path: '/api/corporaties',
    summary: 'Woningcorporaties (om een woningaanbod te registreren)',
    auth: 'principal',
    response: { status: 200, schema: CorporationList, description: 'De corporaties' },
    errors: [401, 403],
  }),
  getMe: op({
    capability: 'organisation',
    method: 'GET',
    path: '/api/me',
    summary: 'Wie ben ik: de aangemelde medewerker en diens organisatie',
    auth: 'principal',
    response: { status: 200, schema: Me, description: 'De aangemelde medewerker' },
    errors: [401],
  }),
  listStaff: op({
    capability: 'organisation',
    method: 'GET',
    path: '/api/organisation/staff',
    summary: 'Medewerkers van mijn organisatie (om begeleiders te kiezen)',
    auth: 'principal',
    response: { status: 200, schema: StaffList, description: 'De medewerkers' },
    errors: [401, 403],
  }),
  getHealth: op({
    capability: 'meta',
    method: 'GET',
    path: '/api/health',
    summary: 'Gezondheid van de API en haar afhankelijkheden',
    auth: 'public',
    response: { status: 200, schema: Health, description: 'Status per onderdeel' },
    errors: [503],
  }),
  getOpenApi: op({
    capability: 'meta',
    method: 'GET',
    path: '/api/openapi.json',
    summary: 'Deze API-beschrijving (OpenAPI 3.1), voor wie is aangemeld',
    auth: 'principal',
    response: { status: 200, schema: z.record(z.string(), z.unknown()), description: 'OpenAPI 3.1 document' },
    errors: [],
  }),
} as const satisfies Record<string, OperationSpec>;

export type Operations = typeof operations;
export type OperationId = keyof Operations;

export type OperationsOf<C extends Capability> = {
  [K in OperationId as Operations[K]['capability'] extends C ? K : never]: Operations[K];
};

export function routeKey(spec: Pick<OperationSpec, 'method' | 'path'>): string {
  return `${spec.method} ${spec.path}`;
}

/** The error statuses an operation answers: its own, and 415 for a body not sent as JSON wherever it takes one. */
export function errorStatuses(spec: Pick<OperationSpec, 'errors' | 'body'>): readonly number[] {
  return spec.body ? [...spec.errors, 415] : spec.errors;
}

export function operationsOf(capability: Capability): [OperationId, OperationSpec][] {
  return (Object.entries(operations) as [OperationId, OperationSpec][]).filter(
    ([, spec]) => spec.capability === capability,
  );
}

/** Body type of an operation's request, and of its success response. */
export type RequestBody<K extends OperationId> = Operations[K] extends { body: infer B extends z.ZodType }
  ? z.input<B>
  : never;
export type ResponseBody<K extends OperationId> = z.output<Operations[K]['response']['schema']>;
