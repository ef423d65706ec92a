import { addDays, type IsoDate } from '../common/calendar';
import type { LifecycleState } from './lifecycle';
import type { MunicipalityPolicy } from '../organisation/municipality-policy';
import { uitkeringRisk } from '../uitkering/uitkering';
import {
  geaccepteerdeAanbieding,
  geldendeOmklapDatum,
  omklapAankondiging,
  omklapEindbesluit,
  type Contract,
  type OmklapBesluit,
} from '../woning/woning';
import { LANDING_REVIEW_MONTHS, landingReviewDate } from './landing';

/**
 * The move and what follows it, as a process: from an accepted woning through the signed contract, the
 * uitkering check, the confirmation of support and budget, the move itself, the reviews after it, to the
 * omklap years later. Pure: given the transition and today, it says which step is due now, or until when to
 * wait. People decide, the clock reminds: the process asks (a question on the duo's Vandaag) for what a person
 * must confirm or decide (the move, the omklap, the landing reviews) and never records it as a fact.
 * The workflow (infra/aws/workflows/move-workflow.ts) carries the steps out.
 */
export const REVIEW_AFTER_MOVE_DAYS = 42;

/** What the process has done, keyed by the move date it did it for: a new move date asks again. */
export interface MoveProcessMarkers {
  uitkeringTaakVoor?: IsoDate;
  bevestigingGevraagdVoor?: IsoDate;
  evaluatieGepland?: IsoDate;
  omklapAangekondigd?: IsoDate;
  /** Under the old rule the clock recorded the omklap; such a process is done with the omklap. */
  omklapGemeld?: IsoDate;
  /** The move date for which the duo was asked to confirm the move. */
  verhuisbevestigingGevraagdVoor?: IsoDate;
  /** The latest landing review asked for, in months after the move (6, 12 or 24). */
  landingsreviewGevraagd?: number;
  /** The omklap date for which the duo was reminded that no decision was taken. */
  omklapHerinnerdVoor?: IsoDate;
  /** Found on the confirmation day: no moving costs approved from the regelbudget. */
  verhuiskostenOngedekt?: boolean;
}

export type MoveStep =
  | { stap: 'geen' }
  | { stap: 'wacht-op-contract' }
  | { stap: 'wacht-op-verhuisdatum' }
  | { stap: 'wacht'; tot: IsoDate; waarop: string }
  | { stap: 'uitkering-taak' }
  | { stap: 'vraag-bevestiging' }
  | { stap: 'vraag-verhuisbevestiging' }
  | { stap: 'wacht-op-verhuisbevestiging' }
  | { stap: 'evaluatie' }
  | { stap: 'landingsreview'; maanden: number }
  | { stap: 'omklap-aankondigen' }
  | { stap: 'omklap-herinneren' }
  | { stap: 'wacht-op-omklapbesluit' }
  | { stap: 'klaar' };

export type MoveAction = Extract<
  MoveStep,
  {
    stap:
      | 'uitkering-taak'
      | 'vraag-bevestiging'
      | 'vraag-verhuisbevestiging'
      | 'evaluatie'
      | 'landingsreview'
      | 'omklap-aankondigen'
      | 'omklap-herinneren';
  }
>['stap'];

export type MoveProcessState = LifecycleState & {
  verhuisproces: MoveProcessMarkers;
  omklapBesluiten?: OmklapBesluit[];
};

export function nextMoveStep(t: MoveProcessState, policy: MunicipalityPolicy, today: IsoDate): MoveStep {
  if (!['woning', 'verhuizing', 'landing', 'omklap'].includes(t.fase) || !geaccepteerdeAanbieding(t.aanbiedingen))
    return { stap: 'geen' };
  if (!t.contract) return { stap: 'wacht-op-contract' };
  const m = t.verhuisproces;

  if (!t.verhuisdOp) {
    if (!t.verhuisdatum) return { stap: 'wacht-op-verhuisdatum' };
    const risk = uitkeringRisk({
      moveDate: t.verhuisdatum,
      status: t.uitkering,
      decisionWeeks: policy.uitkeringDecisionWeeks,
      today,
    });
    if (risk.level === 'rood' && m.uitkeringTaakVoor !== t.verhuisdatum) return { stap: 'uitkering-taak' };
    const confirmOn = addDays(t.verhuisdatum, -policy.confirmDaysBeforeMove);
    // Not due yet: the clock wakes up on the latest safe application date, and asks then if still needed.
    const latest = risk.latestSafeApplicationDate;
    if (!t.uitkering.aangevraagdOp && t.uitkering.toegekend === undefined && latest && today < latest)
      return { stap: 'wacht', tot: latest, waarop: 'de uiterste aanvraagdatum van de uitkering' };
    if (today < confirmOn) return { stap: 'wacht', tot: confirmOn, waarop: 'bevestiging van ondersteuning en budget' };
    if (m.bevestigingGevraagdVoor !== t.verhuisdatum) return { stap: 'vraag-bevestiging' };
    if (today < t.verhuisdatum) return { stap: 'wacht', tot: t.verhuisdatum, waarop: 'de verhuisdag' };
    if (m.verhuisbevestigingGevraagdVoor !== t.verhuisdatum) return { stap: 'vraag-verhuisbevestiging' };
    return { stap: 'wacht-op-verhuisbevestiging' };
  }

  // After the move the steps run on their own dates: the earliest that is due goes first.
  const dated: { datum: IsoDate; step: MoveStep; waarop: string }[] = [];
  if (!m.evaluatieGepland) {
    dated.push({
      datum: addDays(t.verhuisdOp, REVIEW_AFTER_MOVE_DAYS),
      step: { stap: 'evaluatie' },
      waarop: 'de evaluatie na zes weken',
    });
  }
  const review = nextLandingReview(t.verhuisdOp, m.landingsreviewGevraagd, today);
  if (review) {
    dated.push({
      datum: landingReviewDate(t.verhuisdOp, review),
      step: { stap: 'landingsreview', maanden: review },
      waarop: `de landingsreview na ${review} maanden`,
    });
  }
  const omklap = omklapOpen(t.contract, t, policy);
  if (omklap && !m.omklapAangekondigd)
    dated.push({
      datum: omklap.aankondiging,
      step: { stap: 'omklap-aankondigen' },
      waarop: 'de aankondiging van de omklap',
    });
  else if (omklap && m.omklapHerinnerdVoor !== omklap.datum)
    dated.push({ datum: omklap.datum, step: { stap: 'omklap-herinneren' }, waarop: 'de omklapdatum' });

  const due = dated.find((d) => d.datum <= today);
  if (due) return due.step;
  const next = dated.sort((a, b) => a.datum.localeCompare(b.datum))[0];
  if (next) return { stap: 'wacht', tot: next.datum, waarop: next.waarop };
  return omklap ? { stap: 'wacht-op-omklapbesluit' } : { stap: 'klaar' };
}

/** The latest review that is due (earlier ones it passed are not asked any more), else the next one. */
function nextLandingReview(verhuisdOp: IsoDate, asked: number | undefined, today: IsoDate): number | undefined {
  const left = LANDING_REVIEW_MONTHS.filter((maanden) => maanden > (asked ?? 0));
  return left.filter((maanden) => landingReviewDate(verhuisdOp, maanden) <= today).at(-1) ?? left[0];
}

/** A driepartijenovereenkomst whose omklap is not decided yet: its date in force and when to announce it. */
function omklapOpen(
  contract: Contract,
  t: Pick<MoveProcessState, 'verhuisproces' | 'omklapBesluiten'>,
  policy: Pick<MunicipalityPolicy, 'omklapNoticeMonths'>,
): { datum: IsoDate; aankondiging: IsoDate } | undefined {
  const datum = geldendeOmklapDatum(contract, t.omklapBesluiten);
  if (!datum || t.verhuisproces.omklapGemeld || omklapEindbesluit(t.omklapBesluiten)) return undefined;
  // Announced notice-months before the contract's own date; an uitstel tells the corporation its new date itself.
  return { datum, aankondiging: omklapAankondiging(contract, policy.omklapNoticeMonths) ?? datum };
}

export interface OpenVraag {
  soort: 'verhuizing' | 'omklap' | 'landingsreview';
  datum: IsoDate;
  wat: string;
  /** By when the duo answers; absent on questions stored before it was kept (then: `datum`). */
  uiterlijk?: IsoDate;
}

/** A move is confirmed within a week of the day: the uitkering, huurtoeslag and the reviews run from it. */
export const CONFIRM_MOVE_WITHIN_DAYS = 7;
/** A landing review is judged within four weeks of its date: time for a talk with the person and the network. */
export const JUDGE_REVIEW_WITHIN_DAYS = 28;

/**
 * What the process asked of the duo and nobody answered yet: the tasks on the duo's Vandaag and the questions
 * on the person's page. Answering (confirming the move, deciding the omklap, judging the landing) removes them.
 */
export function openVragen(t: MoveProcessState): OpenVraag[] {
  const m = t.verhuisproces;
  const vragen: OpenVraag[] = [];
  if (!t.verhuisdOp && t.verhuisdatum && m.verhuisbevestigingGevraagdVoor === t.verhuisdatum) {
    vragen.push({
      soort: 'verhuizing',
      datum: t.verhuisdatum,
      wat: 'Bevestig dat de persoon is verhuisd, of geef de nieuwe datum',
      uiterlijk: addDays(t.verhuisdatum, CONFIRM_MOVE_WITHIN_DAYS),
    });
  }
  const datum = t.contract ? geldendeOmklapDatum(t.contract, t.omklapBesluiten) : undefined;
  if (datum && m.omklapAangekondigd && !m.omklapGemeld && !omklapEindbesluit(t.omklapBesluiten))
    // The decision is due on the omklap date itself: after it, the contract says what happens.
    vragen.push({ soort: 'omklap', datum, wat: 'Besluit over de omklap: omklap, uitstel of niet', uiterlijk: datum });
  const review = m.landingsreviewGevraagd;
  if (t.verhuisdOp && review && !(t.landingsoordelen ?? []).some((o) => o.maanden === review)) {
    const op = landingReviewDate(t.verhuisdOp, review);
    vragen.push({
      soort: 'landingsreview',
      datum: op,
      wat: `Landingsreview na ${review} maanden: geland of nog niet?`,
      uiterlijk: addDays(op, JUDGE_REVIEW_WITHIN_DAYS),
    });
  }
  return vragen;
}
