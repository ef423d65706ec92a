import { addDays, type IsoDate } from '../common/calendar';
import { nextFases, type LifecycleState } from './lifecycle';
import { openVragen, type MoveProcessMarkers, type OpenVraag } from './move-process';
import type { OmklapBesluit } from '../woning/woning';
import {
  changeOn,
  defaultSupportConfig,
  isScaleUp,
  levelOn,
  levelSpans,
  afschalenQuestion,
  proposeMoveScaleUp,
  reviewDate,
  type LevelSpan,
  type SupportChange,
  type SupportConfig,
  type SupportLevel,
} from '../support/support';
import type { MunicipalityPolicy } from '../organisation/municipality-policy';
import { allocationCheck, type AllocationCheck, type Toewijzing } from '../support/iwmo';
import { summarizeReadiness, type ReadinessSummary } from './readiness';
import {
  jongerenWarning,
  uitkeringRisk,
  verhuisdagAdvies,
  type JongerenWarning,
  type UitkeringRisk,
  type VerhuisdagAdvies,
} from '../uitkering/uitkering';
import type { Fase, Plek } from '../common/vocabulary';
import { geldendeOmklapDatum, omklapAankondiging, omklapEindbesluit } from '../woning/woning';

export interface Deadline {
  datum: IsoDate;
  wat: string;
  /** Where on the transition's page it is done. */
  plek?: Plek;
}

export interface Overview {
  today: IsoDate;
  nextFases: Fase[];
  gereedheid: ReadinessSummary;
  uitkering: UitkeringRisk & { decisionWeeks: number };
  /** The move date against huurtoeslag, werkdagen and the uitkering's start. */
  verhuisadvies?: VerhuisdagAdvies;
  /** Participatiewet rules for the young (jongerennorm, zoektermijn), on the move date. */
  jongeren?: JongerenWarning;
  omklapDatum?: IsoDate;
  omklapAankondiging?: IsoDate;
  deadlines: Deadline[];
  /** What the move workflow asked the duo to confirm or decide, not answered yet. */
  openVragen: OpenVraag[];
  /** The move workflow found, on the confirmation day, no moving costs approved from the regelbudget. */
  verhuiskostenOngedekt: boolean;
  ondersteuning: SupportOverview;
}

export interface SupportOverview {
  niveau?: SupportLevel;
  sinds?: IsoDate;
  /** The next review of a scale-up that has not been reviewed yet. */
  volgendeEvaluatie?: { datum: IsoDate; wijzigingId: string };
  /** After long on intensief: the question for the review whether a step down fits. */
  evaluatievraag?: { dagen: number; vraag: string };
  /** The proposed temporary scale-up around the move, until one with that start is recorded. */
  voorstelRondVerhuizing?: { niveau: SupportLevel; vanaf: IsoDate; tot: IsoDate; reden: string };
  spans: LevelSpan[];
  /** How the planned support compares with the iWmo allocation, when one is recorded. */
  toewijzing?: AllocationCheck;
}

export function supportOverview(
  t: {
    ondersteuning: SupportChange[];
    ondersteuningEvaluaties: { wijzigingId: string }[];
    verhuisdatum?: IsoDate;
    verhuisdOp?: IsoDate;
    createdAt: string;
    toewijzing?: Toewijzing;
  },
  today: IsoDate,
  config: SupportConfig = defaultSupportConfig,
): SupportOverview {
  const current = changeOn(t.ondersteuning, today);
  const reviewed = new Set(t.ondersteuningEvaluaties.map((r) => r.wijzigingId));
  const pending = t.ondersteuning
    .filter(
      (c) =>
        !reviewed.has(c.id) &&
        isScaleUp(
          c,
          levelOn(
            t.ondersteuning.filter((o) => o !== c),
            c.vanaf,
          ),
        ),
    )
    .map((c) => ({ datum: reviewDate(c, config), wijzigingId: c.id }))
    .sort((a, b) => a.datum.localeCompare(b.datum))[0];
  const proposal =
    t.verhuisdatum && !t.verhuisdOp ? proposeMoveScaleUp(t.ondersteuning, t.verhuisdatum, config) : undefined;
  const recorded = proposal && t.ondersteuning.some((c) => c.vanaf === proposal.vanaf && c.tot === proposal.tot);
  const spans = levelSpans(
    t.ondersteuning,
    t.createdAt.slice(0, 10) < today ? t.createdAt.slice(0, 10) : today,
    addDays(today, 90),
  );
  const sinceSpan = levelSpans(t.ondersteuning, addDays(today, -3650), today).at(-1);
  const vraag = afschalenQuestion(t.ondersteuning, today, config);
  return {
    ...(current ? { niveau: current.niveau, ...(sinceSpan ? { sinds: sinceSpan.van } : {}) } : {}),
    ...(pending ? { volgendeEvaluatie: pending } : {}),
    ...(vraag ? { evaluatievraag: vraag } : {}),
    ...(proposal && !recorded ? { voorstelRondVerhuizing: { ...proposal, tot: proposal.tot! } } : {}),
    spans,
    ...(t.toewijzing ? { toewijzing: allocationCheck(t.ondersteuning, t.toewijzing, today, config) } : {}),
  };
}

/** What the caseworker needs at a glance, derived from the transition on a given day: nothing stored. */
export function overview(
  state: LifecycleState & {
    verhuisproces?: MoveProcessMarkers;
    omklapBesluiten?: OmklapBesluit[];
    ondersteuning?: SupportChange[];
    ondersteuningEvaluaties?: { wijzigingId: string }[];
    createdAt?: string;
    toewijzing?: Toewijzing;
    persoon?: { geboortedatum: IsoDate };
  },
  policy: MunicipalityPolicy,
  today: IsoDate,
  /** The provider's support settings (shared/domain/support/provider-policy.ts); the region's defaults otherwise. */
  config: SupportConfig = defaultSupportConfig,
): Overview {
  const risk = uitkeringRisk({
    ...(state.verhuisdatum ? { moveDate: state.verhuisdatum } : {}),
    status: state.uitkering,
    decisionWeeks: policy.uitkeringDecisionWeeks,
    today,
  });
  const omklap = state.contract ? geldendeOmklapDatum(state.contract, state.omklapBesluiten) : undefined;
  const aankondiging = state.contract ? omklapAankondiging(state.contract, policy.omklapNoticeMonths) : undefined;
  const openOffers = state.aanbiedingen.filter((a) => a.status === 'open');

  const deadlines: Deadline[] = [
    ...openOffers.map((a) => ({
      datum: a.reactieUiterlijk,
      wat: `Reageren op woning ${a.adres.straat} ${a.adres.huisnummer}`,
      plek: 'woning' as const,
    })),
    ...(risk.latestSafeApplicationDate && !state.uitkering.aangevraagdOp
      ? [{ datum: risk.latestSafeApplicationDate, wat: 'Uiterlijk uitkering aanvragen', plek: 'verhuizing' as const }]
      : []),
    ...(state.verhuisdatum && !state.verhuisdOp
      ? [{ datum: state.verhuisdatum, wat: 'Verhuizing', plek: 'verhuizing' as const }]
      : []),
    ...(state.verhuisdOp
      ? [
          {
            datum: addDays(state.verhuisdOp, 42),
            wat: 'Evaluatie na zes weken in de nieuwe woning',
            plek: 'ondersteuning' as const,
          },
        ]
      : []),
    ...(aankondiging && state.fase !== 'geland'
      ? [{ datum: aankondiging, wat: 'Corporatie informeren over de omklap', plek: 'besluiten' as const }]
      : []),
    ...(omklap && state.fase !== 'geland' && !omklapEindbesluit(state.omklapBesluiten)
      ? [{ datum: omklap, wat: 'Omklapdatum: besluit over de omklap', plek: 'besluiten' as const }]
      : []),
  ]
    .filter((d) => d.datum >= today)
    .sort((a, b) => a.datum.localeCompare(b.datum));

  const advies =
    state.verhuisdatum && !state.verhuisdOp ? verhuisdagAdvies(state.verhuisdatum, state.uitkering) : undefined;
  const jongeren =
    state.persoon && !state.verhuisdOp
      ? jongerenWarning(state.persoon.geboortedatum, state.verhuisdatum ?? today)
      : undefined;
  return {
    today,
    nextFases: nextFases(state),
    gereedheid: summarizeReadiness(state.gereedheid, policy.blockingReadinessItems),
    uitkering: { ...risk, decisionWeeks: policy.uitkeringDecisionWeeks },
    ...(advies ? { verhuisadvies: advies } : {}),
    ...(jongeren ? { jongeren } : {}),
    ...(omklap ? { omklapDatum: omklap } : {}),
    ...(aankondiging ? { omklapAankondiging: aankondiging } : {}),
    deadlines,
    openVragen: openVragen({ ...state, verhuisproces: state.verhuisproces ?? {} }),
    verhuiskostenOngedekt: Boolean(state.verhuisproces?.verhuiskostenOngedekt) && !state.verhuisdOp,
    ondersteuning: supportOverview(
      { ondersteuning: [], ondersteuningEvaluaties: [], createdAt: `${today}T00:00:00.000Z`, ...state },
      today,
      config,
    ),
  };
}

export interface Signalen {
  uitkeringRisico: UitkeringRisk['level'];
  /** What the move workflow asked the duo and nobody answered yet: tasks on the duo's Vandaag. */
  openVragen?: OpenVraag[];
  volgendeDeadline?: Deadline;
  /** Every deadline on or after the day of writing, earliest first: Vandaag shows each, not only the next. */
  deadlines?: Deadline[];
  /** The next review of a scale-up: a "vandaag" list shows it when it is due. */
  volgendeEvaluatie?: IsoDate;
  /** The uitkering may not start on the move date (rood): contact Werk & Inkomen before this move date. */
  uitkeringContactVoor?: IsoDate;
  /** The phase and the day it began, as far as Landing saw it: a teamleider sees a phase that lasts too long. */
  faseSinds?: { fase: Fase; sinds: IsoDate };
}

/** How many deadlines a summary keeps: more than a transition ever has open at once. */
const MAX_DEADLINES = 20;

/**
 * What a list needs to sort and filter on, computed when the transition is written. The next deadline is
 * the first one on or after that day; a list shows one that has since passed as overdue.
 */
export function signalen(
  state: Parameters<typeof overview>[0] & { signalen?: Signalen },
  policy: MunicipalityPolicy,
  today: IsoDate,
): Signalen {
  const view = overview(state, policy, today);
  const review = view.ondersteuning.volgendeEvaluatie?.datum;
  const before = state.signalen?.faseSinds;
  // A phase seen for the first time began today: a record written before this was kept is not judged stalled
  // from a guess, only from its next change on.
  const faseSinds = before?.fase === state.fase ? before : { fase: state.fase, sinds: today };
  const contact = view.uitkering.level === 'rood' && state.verhuisdatum && !state.verhuisdOp;
  return {
    uitkeringRisico: view.uitkering.level,
    ...(view.openVragen.length > 0 ? { openVragen: view.openVragen } : {}),
    ...(view.deadlines[0] ? { volgendeDeadline: view.deadlines[0] } : {}),
    ...(view.deadlines.length > 0 ? { deadlines: view.deadlines.slice(0, MAX_DEADLINES) } : {}),
    ...(review ? { volgendeEvaluatie: review } : {}),
    ...(contact ? { uitkeringContactVoor: state.verhuisdatum } : {}),
    faseSinds,
  };
}
