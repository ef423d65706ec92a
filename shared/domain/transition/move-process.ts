import { addDays, type IsoDate } from '../common/calendar';
import type { LifecycleState } from './lifecycle';
import type { MunicipalityPolicy } from '../organisation/municipality-policy';
import { uitkeringRisk } from '../uitkering/uitkering';
import { geaccepteerdeAanbieding, omklapAankondiging, omklapDatum } from '../woning/woning';

/**
 * The move and what follows it, as a process: from an accepted woning through the signed contract, the
 * uitkering check, the confirmation of support and budget, the move itself and the review after it, to
 * the omklap years later. Pure: given the transition and today, it says which step is due now, or until
 * when to wait. The workflow (infra/aws/workflows/move-workflow.ts) carries the steps out.
 */
export const REVIEW_AFTER_MOVE_DAYS = 42;

/** What the process has done, keyed by the move date it did it for: a new move date asks again. */
export interface MoveProcessMarkers {
  uitkeringTaakVoor?: IsoDate;
  bevestigingGevraagdVoor?: IsoDate;
  evaluatieGepland?: IsoDate;
  omklapAangekondigd?: IsoDate;
  omklapGemeld?: IsoDate;
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
  | { stap: 'verhuisdag' }
  | { stap: 'evaluatie' }
  | { stap: 'omklap-aankondigen' }
  | { stap: 'omklap-melden' }
  | { stap: 'klaar' };

export type MoveAction = Extract<
  MoveStep,
  { stap: 'uitkering-taak' | 'vraag-bevestiging' | 'verhuisdag' | 'evaluatie' | 'omklap-aankondigen' | 'omklap-melden' }
>['stap'];

export type MoveProcessState = LifecycleState & { verhuisproces: MoveProcessMarkers };

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
    return { stap: 'verhuisdag' };
  }

  if (!m.evaluatieGepland) {
    const reviewOn = addDays(t.verhuisdOp, REVIEW_AFTER_MOVE_DAYS);
    return today < reviewOn
      ? { stap: 'wacht', tot: reviewOn, waarop: 'de evaluatie na zes weken' }
      : { stap: 'evaluatie' };
  }

  const aankondiging = omklapAankondiging(t.contract, policy.omklapNoticeMonths);
  const omklap = omklapDatum(t.contract);
  if (aankondiging && omklap) {
    if (!m.omklapAangekondigd) {
      return today < aankondiging
        ? { stap: 'wacht', tot: aankondiging, waarop: 'de aankondiging van de omklap' }
        : { stap: 'omklap-aankondigen' };
    }
    if (!m.omklapGemeld) {
      return today < omklap ? { stap: 'wacht', tot: omklap, waarop: 'de omklapdatum' } : { stap: 'omklap-melden' };
    }
  }
  return { stap: 'klaar' };
}
