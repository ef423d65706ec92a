import type { GemeenteCode } from './municipalities';
import type { BlockingReadinessItem } from '../transition/readiness';
import type { Fase } from '../common/vocabulary';

/**
 * What differs per municipality. Defaults hold for the region; a municipality overrides what it decides
 * differently. Kept as reviewed configuration in code until municipalities manage it themselves.
 */
export interface MunicipalityPolicy {
  /**
   * Time Werk & Inkomen may take to decide on a Participatiewet application: the law's eight weeks unless a
   * municipality agreed a shorter term with its Werk & Inkomen (the sources give no figure; they ask for
   * "korte lijnen" and "maatwerk").
   */
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
  /**
   * How many days a transition may stay in a phase before its teamleider sees it as stalled. Phases without a
   * norm (geland, beeindigd) never stall.
   */
  faseNormDagen: Partial<Record<Fase, number>>;
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
  // Reasons in docs/ARCHITECTURE.md ("Stilstand per fase"): an intake of weeks, a preparation of months, the
  // wait for a woning as long as the region's waiting times, a move of a month, the landing up to its last
  // review at 24 months, and the omklap decided within a quarter.
  faseNormDagen: {
    aanmelding: 14,
    voorbereiding: 90,
    woning: 180,
    verhuizing: 30,
    landing: 760,
    omklap: 90,
  },
};

const overrides: Partial<Record<GemeenteCode, Partial<MunicipalityPolicy>>> = {
  // A municipality's own agreement with its Werk & Inkomen, shown in the demo: a shorter term than the law's.
  // The sources give no figure; they ask for "korte lijnen" and "maatwerk".
  GM0344: { uitkeringDecisionWeeks: 6 },
  // A municipality's own choice, shown in the demo: the buffer the sources advise ("Zorg voor een financiële
  // buffer") made a condition before the woning. The sources do not say Nieuwegein does this.
  GM0356: {
    blockingReadinessItems: [
      ...defaultMunicipalityPolicy.blockingReadinessItems,
      {
        item: 'buffer',
        reden: 'Besluit van de gemeente: eerst een financiële buffer voor de bijkomende kosten van de verhuizing.',
      },
    ],
  },
};

export function municipalityPolicy(code: GemeenteCode): MunicipalityPolicy {
  return { ...defaultMunicipalityPolicy, ...overrides[code] };
}
