import { addDays, daysBetween, isFirstOfMonth, nearestFirstOfMonth, type IsoDate } from '../common/calendar';

/**
 * Uitkering timing (seed 004, bouwsteen Financiën op orde): the benefit must start on the move date, not
 * after, or rent arrears start at once. Werk & Inkomen needs weeks to decide while a contingentwoning comes at
 * about two weeks' notice, so the application has to go in early enough.
 */
export interface UitkeringStatus {
  aangevraagdOp?: IsoDate;
  besluitOp?: IsoDate;
  /** Set once decided: granted or refused. */
  toegekend?: boolean;
  /** The start date of a granted benefit. */
  ingangsdatum?: IsoDate;
}

export type RiskLevel = 'groen' | 'oranje' | 'rood' | 'open';

export interface UitkeringRisk {
  level: RiskLevel;
  /** Dutch, for the caseworker. */
  reden: string;
  latestSafeApplicationDate?: IsoDate;
  expectedDecisionDate?: IsoDate;
}

/** The last day an application can go in and, at the usual decision time, be decided by the move date. */
export function latestSafeApplicationDate(moveDate: IsoDate, decisionWeeks: number): IsoDate {
  return addDays(moveDate, -7 * decisionWeeks);
}

export function expectedDecisionDate(appliedOn: IsoDate, decisionWeeks: number): IsoDate {
  return addDays(appliedOn, 7 * decisionWeeks);
}

export function uitkeringRisk(input: {
  moveDate?: IsoDate;
  status: UitkeringStatus;
  decisionWeeks: number;
}): UitkeringRisk {
  const { moveDate, status, decisionWeeks } = input;
  if (!moveDate) {
    return { level: 'open', reden: 'Nog geen verhuisdatum: de uiterste aanvraagdatum volgt zodra die bekend is.' };
  }
  const latest = latestSafeApplicationDate(moveDate, decisionWeeks);
  if (status.toegekend === true) {
    if (status.ingangsdatum && status.ingangsdatum <= moveDate) {
      return {
        level: 'groen',
        reden: 'Uitkering toegekend, met ingang op of vóór de verhuisdatum.',
        latestSafeApplicationDate: latest,
      };
    }
    return {
      level: 'rood',
      reden: status.ingangsdatum
        ? 'Uitkering toegekend, maar de ingangsdatum ligt na de verhuisdatum: huurachterstand dreigt.'
        : 'Uitkering toegekend zonder ingangsdatum: leg de ingangsdatum vast.',
      latestSafeApplicationDate: latest,
    };
  }
  if (status.toegekend === false) {
    return { level: 'rood', reden: 'De uitkering is afgewezen.', latestSafeApplicationDate: latest };
  }
  if (!status.aangevraagdOp) {
    return {
      level: 'rood',
      reden: `Nog niet aangevraagd; uiterlijk aanvragen op ${latest}.`,
      latestSafeApplicationDate: latest,
    };
  }
  const expected = expectedDecisionDate(status.aangevraagdOp, decisionWeeks);
  if (expected <= moveDate) {
    return {
      level: 'oranje',
      reden: 'Aangevraagd; het besluit wordt op tijd verwacht.',
      latestSafeApplicationDate: latest,
      expectedDecisionDate: expected,
    };
  }
  return {
    level: 'rood',
    reden: `Aangevraagd, maar het besluit wordt pas ${daysBetween(moveDate, expected)} dagen na de verhuizing verwacht.`,
    latestSafeApplicationDate: latest,
    expectedDecisionDate: expected,
  };
}

export interface HuurtoeslagWarning {
  reden: string;
  suggestie: IsoDate;
}

/** A move that is not on the 1st loses that month's huurtoeslag (while the full own contribution is due). */
export function huurtoeslagWarning(moveDate: IsoDate): HuurtoeslagWarning | undefined {
  if (isFirstOfMonth(moveDate)) return undefined;
  return {
    reden: 'Verhuizen midden in de maand kost de huurtoeslag van die maand.',
    suggestie: nearestFirstOfMonth(moveDate),
  };
}
