import * as z from 'zod';
import { freeText, OptionalNote } from '../../domain/common/free-text';
import { AanmeldingInput, Fase, Transition, TransitionSummary } from '../../domain/transition/transition';
import {
  Adres,
  ContractSchema,
  Eenheidnummer,
  Factoren,
  GenomenDoor,
  IsoDate,
  BeeindigingSchema,
  OverdrachtSchema,
  OmklapBesluitSchema,
  OpenVraagSchema,
  PerspectiefPersoon,
  ReadinessItemId,
  Reden,
  TijdelijkVerblijfSchema,
  SignSchema,
  SupportChangeSchema,
  UitkeringStatusSchema,
  Wijkcode,
} from '../../domain/transition/traject-schemas';
import { supportLevels } from '../../domain/support/support';
import { AllocationCheckSchema, ToewijzingFields, VowDraftSchema } from '../../domain/support/iwmo-schemas';
import { redenVerzoekCodes } from '../../domain/support/iwmo';
import { TimelineEvent } from '../../domain/transition/timeline';
import { TransitionParams, ExpectedVersion, commandErrors, op, type OperationSpec } from '../operation';

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

/**
 * Searching a list: by name or date of birth, phase, risk and begeleider, within the list the user may see.
 * A POST body, so a name or date of birth is never in a URL (nor in an access log that records URLs).
 */
export const SearchTransitionsInput = z
  .object({
    scope: TransitionListScope.default('mine'),
    zoek: z
      .string()
      .trim()
      .max(100, { error: 'Zoek op hooguit 100 tekens.' })
      .optional()
      .meta({ description: 'Naam (delen, in elke volgorde) of geboortedatum als d-m-jjjj' }),
    fase: Fase.optional(),
    risico: z
      .enum(['rood', 'oranje', 'groen', 'open'], { error: 'Kies een uitkeringsrisico uit de lijst.' })
      .optional(),
    begeleiderId: z.string().min(1).max(100).optional(),
    limit: z.number().int().min(1).max(100).default(50),
    cursor: z.string().max(1024).optional().meta({ description: 'Vervolg van een vorige pagina (nextCursor)' }),
  })
  .strict()
  .meta({ id: 'SearchTransitionsInput' });
export type SearchTransitionsInput = z.infer<typeof SearchTransitionsInput>;

export const TransitionPage = z
  .object({ items: z.array(TransitionSummary), nextCursor: z.string().optional() })
  .meta({ id: 'TransitionPage' });
export type TransitionPage = z.infer<typeof TransitionPage>;

export const TimelineQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z
    .string()
    .max(1024)
    .optional()
    .meta({ description: 'Vervolg van een vorige pagina (nextCursor): oudere gebeurtenissen' }),
});
export type TimelineQuery = z.infer<typeof TimelineQuery>;

export const Timeline = z
  .object({ items: z.array(TimelineEvent), nextCursor: z.string().optional() })
  .meta({ id: 'Timeline' });
export type Timeline = z.infer<typeof Timeline>;

const SupportLevel = z.enum(supportLevels);

export const ChangeFaseInput = z
  .object({
    // Ending is its own decision (endTransition), never a phase change.
    naar: Fase.exclude(['beeindigd'], { error: 'Kies een fase; beëindigen is een eigen besluit.' }),
    reden: Reden,
    expectedVersion: ExpectedVersion,
  })
  .strict()
  .meta({ id: 'ChangeFaseInput' });

const Toelichting = freeText(z.string().trim().max(500, { error: 'De toelichting is te lang (hooguit 500 tekens).' }), {
  multiline: true,
});

export const StartTemporaryStayInput = z
  .object({
    soort: TijdelijkVerblijfSchema.shape.soort.unwrap(),
    sinds: IsoDate,
    woningBehouden: z
      .boolean({ error: 'Geef aan of de woning behouden blijft.' })
      .optional()
      .meta({ description: 'Standaard ja: de woning blijft' }),
    toelichting: Toelichting.optional().meta({ description: 'Voor de begeleiding; gaat nooit naar de corporatie' }),
    expectedVersion: ExpectedVersion,
  })
  .strict()
  .meta({ id: 'StartTemporaryStayInput' });

export const EndTemporaryStayInput = z
  .object({ op: IsoDate, expectedVersion: ExpectedVersion })
  .strict()
  .meta({ id: 'EndTemporaryStayInput' });

export const EndTransitionInput = z
  .object({
    reden: BeeindigingSchema.shape.reden,
    toelichting: Toelichting.optional().meta({ description: 'Nodig bij reden anders' }),
    expectedVersion: ExpectedVersion,
  })
  .strict()
  .meta({ id: 'EndTransitionInput' });

export const HandOverInput = OverdrachtSchema.extend({ expectedVersion: ExpectedVersion })
  .strict()
  .meta({ id: 'HandOverInput' });

export const PickUpAgainInput = z
  .object({ reden: Reden, expectedVersion: ExpectedVersion })
  .strict()
  .meta({ id: 'PickUpAgainInput' });

export const SetReadinessInput = z
  .object({
    gedaan: z.boolean({ error: 'Geef aan of het punt gedaan is.' }),
    gedaanOp: IsoDate.optional(),
    notitie: OptionalNote,
    expectedVersion: ExpectedVersion,
  })
  .strict()
  .meta({ id: 'SetReadinessInput' });

export const RegisterOfferInput = z
  .object({
    corporatieId: z
      .string({ error: 'Kies de woningcorporatie.' })
      .min(1, { error: 'Kies de woningcorporatie.' })
      .max(64, { error: 'Kies een bekende woningcorporatie.' }),
    adres: Adres,
    wijk: freeText(z.string({ error: 'Vul de wijk in.' }).trim().min(1, { error: 'Vul de wijk in.' }).max(60)),
    wijkcode: Wijkcode.optional(),
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
  .object({
    besluit: z.enum(['geaccepteerd', 'afgewezen'], { error: 'Kies accepteren of afwijzen.' }),
    reden: Reden.optional(),
    expectedVersion: ExpectedVersion,
  })
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
      verplicht: z
        .array(z.object({ item: ReadinessItemId, reden: z.string() }))
        .meta({ description: 'De punten die de gemeente vóór de woning verplicht stelt, elk met de reden' }),
      ready: z.boolean(),
    }),
    uitkering: z.object({
      level: z.enum(['groen', 'oranje', 'rood', 'open']),
      reden: z.string(),
      latestSafeApplicationDate: IsoDate.optional(),
      expectedDecisionDate: IsoDate.optional(),
      decisionWeeks: z.number().int(),
    }),
    verhuisadvies: z
      .object({
        reden: z.string(),
        suggestie: IsoDate,
        geenVerhuisdag: z.string().optional(),
        uitkeringIngangsdatum: IsoDate.optional(),
        uitkeringWaarschuwing: z.string().optional(),
      })
      .optional()
      .meta({ description: 'Advies over de verhuisdatum: huurtoeslag, werkdagen en de ingang van de uitkering' }),
    jongeren: z
      .object({ leeftijd: z.number().int(), reden: z.string() })
      .optional()
      .meta({ description: 'Participatiewet voor jongeren (jongerennorm, zoektermijn), op de verhuisdatum' }),
    omklapDatum: IsoDate.optional(),
    omklapAankondiging: IsoDate.optional(),
    plaatsingenInWijk: z.number().int().optional(),
    deadlines: z.array(z.object({ datum: IsoDate, wat: z.string() })),
    openVragen: z
      .array(OpenVraagSchema)
      .meta({ description: 'Wat het werkproces het duo vraagt te bevestigen of te besluiten' }),
    verhuiskostenOngedekt: z
      .boolean()
      .meta({ description: 'Op de bevestigingsdag bleken de verhuiskosten niet gedekt uit het regelbudget' }),
    ondersteuning: z.object({
      niveau: SupportLevel.optional(),
      sinds: IsoDate.optional(),
      volgendeEvaluatie: z.object({ datum: IsoDate, wijzigingId: z.string() }).optional(),
      evaluatievraag: z
        .object({ dagen: z.number().int(), vraag: z.string() })
        .optional()
        .meta({ description: 'Na lang intensief: de vraag voor de evaluatie of een stap terug past' }),
      voorstelRondVerhuizing: z
        .object({ niveau: SupportLevel, vanaf: IsoDate, tot: IsoDate, reden: z.string() })
        .optional(),
      spans: z.array(z.object({ niveau: SupportLevel, van: IsoDate, tot: IsoDate })),
      toewijzing: AllocationCheckSchema.optional(),
    }),
  })
  .meta({ id: 'TransitionOverview' });
export type TransitionOverview = z.infer<typeof TransitionOverview>;

export const ChangeSupportInput = SupportChangeSchema.pick({
  niveau: true,
  modaliteiten: true,
  reden: true,
  vanaf: true,
  tot: true,
})
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
    opgesteldMet: freeText(
      z
        .string({ error: 'Vul in met wie het plan is opgesteld.' })
        .trim()
        .min(3, { error: 'Vul in met wie het plan is opgesteld.' })
        .max(200),
    ),
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
  .refine((a) => !a.einddatum || a.einddatum >= a.ingangsdatum, {
    error: 'De einddatum ligt vóór de ingangsdatum.',
    path: ['einddatum'],
  })
  .refine((a) => !a.productCode || Boolean(a.productCategorie), {
    error: 'Vul bij een productcode ook de productcategorie in.',
    path: ['productCategorie'],
  })
  .meta({ id: 'RecordAllocationInput' });

export const DraftVowInput = z
  .object({
    redenVerzoek: z.enum(redenVerzoekCodes, {
      error: 'Kies de reden van het verzoek: 01 (verandering cliëntsituatie) of 02 (wijziging zorgplan).',
    }),
    gewensteIngangsdatum: IsoDate,
    toelichting: freeText(z.string().trim().max(500, { error: 'De toelichting is te lang (hooguit 500 tekens).' }), {
      multiline: true,
    }).optional(),
  })
  .strict()
  .meta({ id: 'DraftVowInput' });

/** The duo confirms the move: moved on a day, or not yet, with the new date. */
export const ConfirmMoveInput = z
  .object({
    verhuisd: z.boolean({ error: 'Kies: verhuisd, of een nieuwe datum.' }),
    op: IsoDate.optional().meta({ description: 'Bij verhuisd: de dag van de verhuizing' }),
    nieuweDatum: IsoDate.optional().meta({ description: 'Bij nog niet verhuisd: de nieuwe verhuisdatum' }),
    expectedVersion: ExpectedVersion,
  })
  .strict()
  .refine((b) => !b.verhuisd || b.op, { error: 'Vul de dag van de verhuizing in.', path: ['op'] })
  .refine((b) => b.verhuisd || b.nieuweDatum, { error: 'Vul de nieuwe verhuisdatum in.', path: ['nieuweDatum'] })
  .meta({ id: 'ConfirmMoveInput' });

/** The omklap decision of the duo and the corporation, with the person. */
export const OmklapDecisionInput = z
  .object({
    besluit: OmklapBesluitSchema.shape.besluit,
    per: IsoDate.optional().meta({ description: 'Bij omklap: de dag waarop het huurcontract op naam komt' }),
    nieuweDatum: IsoDate.optional().meta({ description: 'Bij uitstel: de nieuwe omklapdatum' }),
    reden: Reden.optional().meta({ description: 'Bij uitstel of geen omklap' }),
    genomenDoor: GenomenDoor,
    expectedVersion: ExpectedVersion,
  })
  .strict()
  .refine((b) => b.besluit !== 'omklap' || b.per, { error: 'Vul de datum van de omklap in.', path: ['per'] })
  .refine((b) => b.besluit !== 'uitstel' || b.nieuweDatum, {
    error: 'Vul de nieuwe omklapdatum in.',
    path: ['nieuweDatum'],
  })
  .refine((b) => b.besluit === 'omklap' || b.reden, { error: 'Geef een reden.', path: ['reden'] })
  .meta({ id: 'OmklapDecisionInput' });

/** The judgement of a landing review. */
export const LandingReviewInput = z
  .object({
    factoren: Factoren,
    perspectiefPersoon: PerspectiefPersoon,
    geland: z.boolean({ error: 'Kies: geland, of nog niet.' }),
    expectedVersion: ExpectedVersion,
  })
  .strict()
  .meta({ id: 'LandingReviewInput' });

const CommandParams = TransitionParams;

/** The transition: registering it, its phases, the woning, contract, move and uitkering, ambulant support, the signaleringsplan and the iWmo allocation. */
export const transitionOperations = {
  createTransition: op({
    capability: 'transitions',
    method: 'POST',
    path: '/api/transitions',
    summary: 'Registreer een nieuw traject (aanmelding) en start de planning ervan',
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
  searchTransitions: op({
    capability: 'transitions',
    method: 'POST',
    path: '/api/transitions/search',
    summary: 'Zoek trajecten op naam of geboortedatum en filter ze, binnen de lijst die je mag zien, per pagina',
    auth: 'principal',
    body: SearchTransitionsInput,
    response: { status: 200, schema: TransitionPage, description: 'Een pagina gevonden trajecten' },
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
    summary: 'Tijdlijn van een traject, nieuwste eerst, per pagina',
    auth: 'principal',
    params: TransitionParams,
    query: TimelineQuery,
    response: { status: 200, schema: Timeline, description: 'Een pagina gebeurtenissen van het traject' },
    errors: [400, 401, 403, 404],
  }),
  getOverview: op({
    capability: 'transitions',
    method: 'GET',
    path: '/api/transitions/{transitionId}/overview',
    summary:
      'Overzicht van een traject: gereedheid, uitkeringsrisico, omklap, deadlines (berekend op de dag van vandaag)',
    auth: 'principal',
    params: TransitionParams,
    response: { status: 200, schema: TransitionOverview, description: 'Het overzicht' },
    errors: [401, 403, 404],
  }),
  changeFase: op({
    capability: 'transitions',
    method: 'POST',
    path: '/api/transitions/{transitionId}/fase',
    summary: 'Zet het traject in een andere fase, met een reden (beëindigen is een eigen besluit)',
    auth: 'principal',
    params: CommandParams,
    body: ChangeFaseInput,
    response: { status: 200, schema: Transition, description: 'Het gewijzigde traject' },
    errors: commandErrors,
  }),
  startTemporaryStay: op({
    capability: 'transitions',
    method: 'POST',
    path: '/api/transitions/{transitionId}/tijdelijk-verblijf',
    summary:
      'De persoon verblijft tijdelijk elders (opname, logeerplek, crisisopvang): fase, ondersteuning en signalen gaan door',
    auth: 'principal',
    params: CommandParams,
    body: StartTemporaryStayInput,
    response: { status: 200, schema: Transition, description: 'Het gewijzigde traject' },
    errors: commandErrors,
  }),
  endTemporaryStay: op({
    capability: 'transitions',
    method: 'POST',
    path: '/api/transitions/{transitionId}/tijdelijk-verblijf/einde',
    summary: 'De persoon is weer thuis, in de fase waarin het traject was',
    auth: 'principal',
    params: CommandParams,
    body: EndTemporaryStayInput,
    response: { status: 200, schema: Transition, description: 'Het gewijzigde traject' },
    errors: commandErrors,
  }),
  endTransition: op({
    capability: 'transitions',
    method: 'POST',
    path: '/api/transitions/{transitionId}/beeindiging',
    summary: 'Beëindig het traject: een eigen besluit, met een reden uit de lijst',
    auth: 'principal',
    params: CommandParams,
    body: EndTransitionInput,
    response: { status: 200, schema: Transition, description: 'Het beëindigde traject' },
    errors: commandErrors,
  }),
  handOver: op({
    capability: 'transitions',
    method: 'POST',
    path: '/api/transitions/{transitionId}/nazorg/overdracht',
    summary: 'Warme overdracht na geland aan het buurtteam of sociaal wijkteam: aan wie, wanneer en wat',
    auth: 'principal',
    params: CommandParams,
    body: HandOverInput,
    response: { status: 200, schema: Transition, description: 'Het gewijzigde traject' },
    errors: commandErrors,
  }),
  pickUpAgain: op({
    capability: 'transitions',
    method: 'POST',
    path: '/api/transitions/{transitionId}/nazorg/weer-oppakken',
    summary: 'Pak een gelande persoon weer op, zonder nieuwe aanmelding (nazorg op waakvlam)',
    auth: 'principal',
    params: CommandParams,
    body: PickUpAgainInput,
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
    summary: 'Leg de verhuisdatum vast of verander die (de planning wacht mee)',
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
    summary: 'Leg aanvraag, besluit, ingangsdatum, maatwerk en bijzondere bijstand van de uitkering vast',
    auth: 'principal',
    params: CommandParams,
    body: SetUitkeringInput,
    response: { status: 200, schema: Transition, description: 'Het gewijzigde traject' },
    errors: commandErrors,
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
  confirmMove: op({
    capability: 'transitions',
    method: 'POST',
    path: '/api/transitions/{transitionId}/verhuizing/bevestiging',
    summary: 'Bevestig dat de persoon is verhuisd, of geef de nieuwe verhuisdatum (het werkproces vraagt erom)',
    auth: 'principal',
    params: CommandParams,
    body: ConfirmMoveInput,
    response: { status: 200, schema: Transition, description: 'Het gewijzigde traject' },
    errors: commandErrors,
  }),
  recordOmklapDecision: op({
    capability: 'transitions',
    method: 'POST',
    path: '/api/transitions/{transitionId}/omklap/besluit',
    summary:
      'Leg het besluit over de omklap vast: omklap, uitstel (nieuwe datum) of niet; alleen omklap meldt de corporatie de omklap',
    auth: 'principal',
    params: CommandParams,
    body: OmklapDecisionInput,
    response: { status: 200, schema: Transition, description: 'Het gewijzigde traject' },
    errors: commandErrors,
  }),
  recordLandingReview: op({
    capability: 'transitions',
    method: 'POST',
    path: '/api/transitions/{transitionId}/landingsreviews',
    summary:
      'Leg het oordeel van een landingsreview vast: de vier risicofactoren, hoe de persoon het ziet, geland of nog niet',
    auth: 'principal',
    params: CommandParams,
    body: LandingReviewInput,
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
    summary:
      'Stel een verzoek om wijziging (iWmo WMO317) op uit de geplande ondersteuning; er wordt niets opgeslagen of verstuurd',
    auth: 'principal',
    params: TransitionParams,
    body: DraftVowInput,
    response: {
      status: 200,
      schema: VowDraftSchema,
      description: 'Het concept, om in het iWmo-systeem van de aanbieder in te lezen',
    },
    errors: [400, 401, 403, 404, 409],
  }),
} as const satisfies Record<string, OperationSpec>;
