import * as z from 'zod';
import { CONTROL_MESSAGE, hasForbiddenControl, withoutInvisibles } from '../common/free-text';
import { gemeenteCodes } from '../organisation/municipalities';
import { fases, herkomsten } from '../common/vocabulary';
import { ageInYears } from '../common/calendar';

export { ageInYears };
import { ToewijzingSchema } from '../support/iwmo-schemas';
import {
  ContractSchema,
  IsoDate,
  LandingsoordeelSchema,
  MoveProcessMarkersSchema,
  OmklapBesluitSchema,
  Readiness,
  SignalenSchema,
  SupportChangeSchema,
  SupportReviewSchema,
  PlanVersionSchema,
  UitkeringStatusSchema,
  WoningAanbiedingSchema,
  TijdelijkVerblijfSchema,
  BeeindigingSchema,
  NazorgSchema,
} from './traject-schemas';

/**
 * A transitie (traject): one person's path from Beschermd Wonen or Maatschappelijke Opvang to an own home
 * in the neighbourhood, until they have landed there (seed 004, "Bouwen aan een thuis").
 */
export const Fase = z.enum(fases);
export type Fase = z.infer<typeof Fase>;

export const Herkomst = z
  .enum(herkomsten, { error: 'Kies waar de persoon nu verblijft.' })
  .meta({ description: 'BW = Beschermd Wonen, MO = Maatschappelijke Opvang, begeleid-wonen' });
export type Herkomst = z.infer<typeof Herkomst>;

const MIN_AGE_YEARS = 16;
const MAX_AGE_YEARS = 110;

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * A part of a name: no controls or bidi overrides, kept without invisible characters and in NFC, and with at
 * least one letter (a name of only zero-width or blank characters is no name).
 */
const naamDeel = (veld: string) =>
  z
    .string({ error: `Vul de ${veld} in.` })
    .refine((s) => !hasForbiddenControl(s), { error: CONTROL_MESSAGE, abort: true })
    .overwrite(withoutInvisibles)
    .trim()
    .min(1, { error: `Vul de ${veld} in.`, abort: true })
    .max(100, { error: `De ${veld} is te lang (hooguit 100 tekens).` })
    .refine((s) => /\p{L}/u.test(s), { error: `De ${veld} bevat geen letters.` });

export const Geboortedatum = z.iso
  .date({ error: 'Vul een geboortedatum in als jjjj-mm-dd.' })
  .refine((d) => d <= todayIso(), { error: 'De geboortedatum ligt in de toekomst.', abort: true })
  .refine((d) => ageInYears(d, todayIso()) >= MIN_AGE_YEARS, {
    error: `De persoon moet minstens ${MIN_AGE_YEARS} jaar oud zijn.`,
  })
  .refine((d) => ageInYears(d, todayIso()) <= MAX_AGE_YEARS, { error: 'Deze geboortedatum is niet aannemelijk.' })
  .meta({ description: `jjjj-mm-dd; de persoon is minstens ${MIN_AGE_YEARS} jaar oud` });

export const Persoon = z
  .object({
    voornaam: naamDeel('voornaam'),
    achternaam: naamDeel('achternaam'),
    geboortedatum: Geboortedatum,
  })
  .meta({ id: 'Persoon' });
export type Persoon = z.infer<typeof Persoon>;

export const GemeenteCode = z
  .enum(gemeenteCodes, { error: 'Kies een gemeente uit de regio.' })
  .meta({ description: 'CBS-gemeentecode van een van de 16 U16-gemeenten' });

/** What a caseworker fills in to register a transition (the aanmelding). */
export const AanmeldingInput = z
  .object({
    persoon: Persoon,
    gemeenteCode: GemeenteCode,
    herkomst: Herkomst,
    begeleiderIds: z
      // An id is part of a DynamoDB key (ORG#…/STAFF#<id>): bounded, so an absurd one is a 400, not a refused key.
      .array(z.string().min(1).max(64, { error: 'Kies een begeleider van de eigen organisatie.' }), {
        error: 'Kies de begeleiders.',
      })
      .min(1, { error: 'Kies minstens één begeleider.' })
      .max(2, { error: 'Een traject heeft hooguit twee begeleiders (een duo).' })
      .refine((ids) => new Set(ids).size === ids.length, { error: 'Kies twee verschillende begeleiders.' })
      .meta({ description: 'Eén begeleider of een duo, van de eigen organisatie' }),
  })
  .strict()
  .meta({ id: 'AanmeldingInput' });
export type AanmeldingInput = z.infer<typeof AanmeldingInput>;

export const Begeleider = z
  .object({
    id: z.string(),
    naam: z.string(),
    /** A number the corporation may call: the begeleider is its contact person for the home. */
    telefoon: z.string().optional(),
  })
  .meta({ id: 'Begeleider' });
export type Begeleider = z.infer<typeof Begeleider>;

export const Transition = z
  .object({
    id: z.string(),
    /** Optimistic-concurrency version: every change increments it and is conditional on it. */
    version: z.number().int().positive(),
    /**
     * The version of the last change a person made (not the workflow): a view of this version or later is
     * not stale, whatever the workflow did since. Absent on transitions stored before it was kept.
     */
    medewerkerVersie: z.number().int().positive().optional(),
    providerId: z.string(),
    /** The team of the provider that supports the person: its members see the record. */
    teamId: z.string().optional(),
    /** Pseudonymous reference to the person, the only person identifier that may leave the provider. */
    persoonRef: z.string(),
    persoon: Persoon,
    gemeenteCode: GemeenteCode,
    herkomst: Herkomst,
    begeleiders: z.array(Begeleider),
    fase: Fase,
    /** The phase the transition was in when it ended. */
    vorigeFase: Fase.optional(),
    /** A stay elsewhere for a while (opname, logeerplek, crisis): on top of the phase, which goes on. */
    tijdelijkVerblijf: TijdelijkVerblijfSchema.optional(),
    /** Why and when it ended: only with the phase beeindigd, by an explicit decision. */
    beeindiging: BeeindigingSchema.optional(),
    /** After geland: waakvlam, or ended with a warm handover. Absent on a record landed before nazorg existed. */
    nazorg: NazorgSchema.optional(),
    gereedheid: Readiness.default({}),
    aanbiedingen: z.array(WoningAanbiedingSchema).default([]),
    contract: ContractSchema.optional(),
    verhuisdatum: IsoDate.optional(),
    verhuisdOp: IsoDate.optional(),
    uitkering: UitkeringStatusSchema.default({}),
    /** What the move workflow has done so far. */
    verhuisproces: MoveProcessMarkersSchema.default({}),
    /** The omklap decisions people took, oldest first (an uitstel, then omklap or niet). */
    omklapBesluiten: z.array(OmklapBesluitSchema).default([]),
    /** The judgements whether the person has landed, oldest first; the last one counts. */
    landingsoordelen: z.array(LandingsoordeelSchema).default([]),
    /** Ambulant support as a history of changes; the level on a day is derived (shared/domain/support/support.ts). */
    ondersteuning: z.array(SupportChangeSchema).default([]),
    ondersteuningEvaluaties: z.array(SupportReviewSchema).default([]),
    /** Every version of the signaleringsplan, oldest first; the last is in force. */
    signaleringsplan: z.array(PlanVersionSchema).default([]),
    /** The municipality's current iWmo allocation of the ambulant support, as the provider received it. */
    toewijzing: ToewijzingSchema.optional(),
    /** Derived when written, for sorting and filtering lists: the uitkering risk and the next deadline. */
    signalen: SignalenSchema.optional(),
    /**
     * The evaluation dates of the person's active goals, earliest first: kept here by the plan's own writes
     * (not a change of the transition, so no new version) because "Vandaag" reads only the summaries.
     */
    doelEvaluaties: z.array(z.iso.date()).max(100).optional(),
    /**
     * Counts the plan's writes of `doelEvaluaties`: a change of the transition is written only if no goal was
     * written since it was read (else it would put back the dates it read), and two goal writes cannot each
     * put back the other's dates.
     */
    doelStand: z.number().int().nonnegative().optional(),
    createdAt: z.iso.datetime(),
    createdBy: z.string(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Transition' });
export type Transition = z.infer<typeof Transition>;

/** Everything a new transition has not done yet: the starting point of every later step. */
export const notStartedYet = {
  gereedheid: {},
  aanbiedingen: [],
  uitkering: {},
  verhuisproces: {},
  omklapBesluiten: [],
  landingsoordelen: [],
  ondersteuning: [],
  ondersteuningEvaluaties: [],
  signaleringsplan: [],
} satisfies Partial<Transition>;

/** What a list shows of a transition: enough to recognise and open it, and to weigh a caseload. */
export const TransitionSummary = Transition.pick({
  id: true,
  persoon: true,
  gemeenteCode: true,
  herkomst: true,
  begeleiders: true,
  fase: true,
  tijdelijkVerblijf: true,
  nazorg: true,
  signalen: true,
  doelEvaluaties: true,
  createdAt: true,
  updatedAt: true,
})
  .extend({
    /** The levels of support over time, without reasons: the level on any day is derived from these. */
    niveaus: z.array(SupportChangeSchema.pick({ niveau: true, vanaf: true, tot: true })).default([]),
  })
  .meta({ id: 'TransitionSummary' });
export type TransitionSummary = z.infer<typeof TransitionSummary>;

export function summarize(t: Transition): TransitionSummary {
  const { id, persoon, gemeenteCode, herkomst, begeleiders, fase, tijdelijkVerblijf, nazorg, signalen } = t;
  const { createdAt, updatedAt, doelEvaluaties } = t;
  return {
    id,
    persoon,
    gemeenteCode,
    herkomst,
    begeleiders,
    fase,
    ...(tijdelijkVerblijf ? { tijdelijkVerblijf } : {}),
    ...(nazorg ? { nazorg } : {}),
    ...(signalen ? { signalen } : {}),
    ...(doelEvaluaties?.length ? { doelEvaluaties } : {}),
    createdAt,
    updatedAt,
    niveaus: levelsOf(t),
  };
}

export function levelsOf(t: Pick<Transition, 'ondersteuning'>): TransitionSummary['niveaus'] {
  return t.ondersteuning.map(({ niveau, vanaf, tot }) => ({ niveau, vanaf, ...(tot ? { tot } : {}) }));
}

/**
 * A stored item as the schemas of today read it. A record stored as *teruggevallen* (once a final phase) is
 * a stay elsewhere in the phase it came from: what kind of stay is not known, and the woning is taken as kept
 * (the default); the day is the record's last change, when it fell back or later. Works on a transition and
 * on the summary a list reads (which has no `vorigeFase`: it shows voorbereiding until the record changes).
 */
export function fromStored<T>(item: T): T {
  const stored = item as Record<string, unknown>;
  if (stored?.fase !== 'teruggevallen') return item;
  const { vorigeFase, ...rest } = stored;
  const sinds = typeof stored.updatedAt === 'string' ? stored.updatedAt.slice(0, 10) : undefined;
  return {
    ...rest,
    fase: typeof vorigeFase === 'string' && vorigeFase !== 'teruggevallen' ? vorigeFase : 'voorbereiding',
    ...(sinds ? { tijdelijkVerblijf: { sinds, woningBehouden: true } } : {}),
  } as T;
}
