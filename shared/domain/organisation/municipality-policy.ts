import type { GemeenteCode } from './municipalities';
import type { ReadinessItemId } from '../transition/readiness';

/**
 * What differs per municipality. Defaults hold for the region; a municipality overrides what it decides
 * differently. Kept as reviewed configuration in code until municipalities manage it themselves.
 */
export interface MunicipalityPolicy {
  /** Usual time Werk & Inkomen takes to decide on a Participatiewet application. */
  uitkeringDecisionWeeks: number;
  /** Voorbereiding items that must be done before a woning can be offered. */
  blockingReadinessItems: readonly ReadinessItemId[];
  /** How many days before the move the move workflow asks to confirm support and budget. */
  confirmDaysBeforeMove: number;
  /** How many months before the omklap the corporation is told it is coming. */
  omklapNoticeMonths: number;
  /** Regelbudget spends above this many cents need a budget holder's approval. */
  regelbudgetApprovalThresholdCent: number;
}

export const defaultMunicipalityPolicy: MunicipalityPolicy = {
  uitkeringDecisionWeeks: 8,
  blockingReadinessItems: ['schulden-stabiel', 'budgetbeheer', 'overdrachtsformulier', 'signaleringsplan'],
  confirmDaysBeforeMove: 7,
  omklapNoticeMonths: 3,
  regelbudgetApprovalThresholdCent: 25_000,
};

const overrides: Partial<Record<GemeenteCode, Partial<MunicipalityPolicy>>> = {
  // Utrecht (centrumgemeente) decides faster through the korte lijnen with W&I the seed describes.
  GM0344: { uitkeringDecisionWeeks: 6 },
  // Nieuwegein's Proeftuin Beschermd Thuis asks for the buffer before the move.
  GM0356: {
    blockingReadinessItems: ['schulden-stabiel', 'budgetbeheer', 'buffer', 'overdrachtsformulier', 'signaleringsplan'],
  },
};

export function municipalityPolicy(code: GemeenteCode): MunicipalityPolicy {
  return { ...defaultMunicipalityPolicy, ...overrides[code] };
}
