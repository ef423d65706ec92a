import type { GemeenteCode } from './municipalities';
import type { BlockingReadinessItem } from '../transition/readiness';

/**
 * What differs per municipality. Defaults hold for the region; a municipality overrides what it decides
 * differently. Kept as reviewed configuration in code until municipalities manage it themselves.
 */
export interface MunicipalityPolicy {
  /** Usual time Werk & Inkomen takes to decide on a Participatiewet application. */
  uitkeringDecisionWeeks: number;
  /**
   * Voorbereiding items that must be done before a woning can be offered, each with its reason. Housing
   * First: no financial item by default; a municipality that switches one on says why.
   */
  blockingReadinessItems: readonly BlockingReadinessItem[];
  /** How many days before the move the move workflow asks to confirm support and budget. */
  confirmDaysBeforeMove: number;
  /** How many months before the omklap the corporation is told it is coming. */
  omklapNoticeMonths: number;
  /** Regelbudget spends above this many cents need a budget holder's approval. */
  regelbudgetApprovalThresholdCent: number;
}

export const defaultMunicipalityPolicy: MunicipalityPolicy = {
  uitkeringDecisionWeeks: 8,
  // Schulden and budgetbeheer are worked on in the new home ("een eigen woning de katalysator"), with a
  // garantstelling of the gemeente where schulden stand in the way of a huurcontract.
  blockingReadinessItems: [
    {
      item: 'overdrachtsformulier',
      reden: 'Continuïteit van de ondersteuning is een slaagfactor: de overdracht ligt klaar vóór de woning.',
    },
    {
      item: 'signaleringsplan',
      reden: 'Signalen van terugval vroeg herkennen, met de persoon en het netwerk, ook in de nieuwe woning.',
    },
  ],
  confirmDaysBeforeMove: 7,
  omklapNoticeMonths: 3,
  regelbudgetApprovalThresholdCent: 25_000,
};

const overrides: Partial<Record<GemeenteCode, Partial<MunicipalityPolicy>>> = {
  // Utrecht (centrumgemeente) decides faster through the korte lijnen with W&I the seed describes.
  GM0344: { uitkeringDecisionWeeks: 6 },
  // Nieuwegein's Proeftuin Beschermd Thuis asks for the buffer before the move.
  GM0356: {
    blockingReadinessItems: [
      ...defaultMunicipalityPolicy.blockingReadinessItems,
      {
        item: 'buffer',
        reden:
          'Gemeente Nieuwegein (Proeftuin Beschermd Thuis): een financiële buffer voor de kosten van de verhuizing.',
      },
    ],
  },
};

export function municipalityPolicy(code: GemeenteCode): MunicipalityPolicy {
  return { ...defaultMunicipalityPolicy, ...overrides[code] };
}
