import { addDays, daysBetween, type IsoDate } from '../common/calendar';
import { plannedHoursPerWeek, type SupportChange, type SupportConfig } from './support';

/**
 * The municipality allocates ambulant support in iWmo terms (a toegewezen product with an Omvang), while the
 * caseworker plans it as levels. This module translates between the two, so the caseworker sees in time
 * that the planned support no longer fits the allocation. Plain constants and functions with no zod, so the
 * web app can use them.
 */

/** iWmo code list WMO756: the unit of an Omvang. */
export const eenheidCodes = ['01', '04', '14', '16', '82', '83'] as const;
export type EenheidCode = (typeof eenheidCodes)[number];

export const eenheidLabels: Record<EenheidCode, string> = {
  '01': 'Minuut',
  '04': 'Uur',
  '14': 'Etmaal',
  '16': 'Dagdeel (4 uur)',
  '82': 'Stuks',
  '83': "Euro's",
};

/** iWmo code list WMO757: the period an Omvang's volume is meant for. */
export const frequentieCodes = ['1', '2', '3', '4', '5', '6'] as const;
export type FrequentieCode = (typeof frequentieCodes)[number];

export const frequentieLabels: Record<FrequentieCode, string> = {
  '1': 'Per dag',
  '2': 'Per week',
  '3': 'Per vier weken',
  '4': 'Per maand',
  '5': 'Per jaar',
  '6': 'Totaal binnen geldigheidsduur toewijzing',
};

/** iWmo code list for RedenVerzoek in a verzoek om wijziging (WMO317). */
export const redenVerzoekCodes = ['01', '02'] as const;
export type RedenVerzoekCode = (typeof redenVerzoekCodes)[number];

export const redenVerzoekLabels: Record<RedenVerzoekCode, string> = {
  '01': 'Verandering cliëntsituatie',
  '02': 'Wijziging zorgplan',
};

export interface Omvang {
  /** A whole number, as iWmo requires. */
  volume: number;
  eenheid: EenheidCode;
  frequentie: FrequentieCode;
}

/** The current iWmo toegewezen product for the ambulant support, as the provider received it. */
export interface Toewijzing {
  toewijzingNummer: string;
  productCategorie?: string;
  productCode?: string;
  ingangsdatum: IsoDate;
  /** Inclusive; an allocation without one runs until further notice. */
  einddatum?: IsoDate;
  omvang: Omvang;
  vastgelegdOp: IsoDate;
  vastgelegdDoor: { id: string; naam: string };
}

/** Hours in one unit; units that are no time (stuks, euro's) cannot be compared with planned hours. */
const hoursPerUnit: Partial<Record<EenheidCode, number>> = { '01': 1 / 60, '04': 1, '14': 24, '16': 4 };

/** Weeks in one period; months and years on the average calendar (365.25 days), so no month weighs more. */
const weeksPerPeriod: Record<Exclude<FrequentieCode, '6'>, number> = {
  '1': 1 / 7,
  '2': 1,
  '3': 4,
  '4': 365.25 / 12 / 7,
  '5': 365.25 / 7,
};

/**
 * The hours a week an Omvang amounts to, or undefined when it cannot be said: a unit that is no time, or a
 * total for an allocation without an end (there is no period to spread it over).
 */
export function hoursPerWeek(
  omvang: Omvang,
  periode?: Pick<Toewijzing, 'ingangsdatum' | 'einddatum'>,
): number | undefined {
  const hours = hoursPerUnit[omvang.eenheid];
  if (hours === undefined) return undefined;
  const weeks = omvang.frequentie === '6' ? periodWeeks(periode) : weeksPerPeriod[omvang.frequentie];
  return weeks === undefined ? undefined : (omvang.volume * hours) / weeks;
}

function periodWeeks(periode: Pick<Toewijzing, 'ingangsdatum' | 'einddatum'> | undefined): number | undefined {
  if (!periode?.einddatum) return undefined;
  return (daysBetween(periode.ingangsdatum, periode.einddatum) + 1) / 7;
}

const unitWords: Record<EenheidCode, [one: string, more: string]> = {
  '01': ['minuut', 'minuten'],
  '04': ['uur', 'uur'],
  '14': ['etmaal', 'etmalen'],
  '16': ['dagdeel', 'dagdelen'],
  '82': ['stuk', 'stuks'],
  '83': ['euro', 'euro'],
};

/** "3 uur per week", "30 minuten per dag", "40 uur in totaal": how a caseworker says an Omvang. */
export function omvangInWoorden(omvang: Omvang): string {
  const [one, more] = unitWords[omvang.eenheid];
  const periode = omvang.frequentie === '6' ? 'in totaal' : frequentieLabels[omvang.frequentie].toLowerCase();
  return `${omvang.volume} ${omvang.volume === 1 ? one : more} ${periode}`;
}

/** How far ahead the planned support is compared with the allocation. */
export const ALLOCATION_HORIZON_DAYS = 90;
/** An allocation that ends within this many days, while support goes on, needs a new one in time. */
export const ALLOCATION_ENDING_DAYS = 28;
/** Hours are compared to the hundredth: a month's average must not raise a false alarm. */
const round = (hours: number) => Math.round(hours * 100) / 100;

/** The most hours a week planned on any day from `from` to `to` (inclusive). */
export function plannedPeak(
  changes: readonly SupportChange[],
  from: IsoDate,
  to: IsoDate,
  config: SupportConfig,
): number {
  let peak = 0;
  for (let day = from; day <= to; day = addDays(day, 1))
    peak = Math.max(peak, plannedHoursPerWeek(changes, day, config));
  return peak;
}

export interface AllocationCheck {
  urenPerWeekToegewezen?: number;
  /**
   * The first day the planned support exceeds the allocation; the hours are the most planned from then on
   * within the period looked at, so one verzoek om wijziging covers a scale-up that comes in steps.
   */
  overschrijding?: { vanaf: IsoDate; urenPerWeekGepland: number; urenPerWeekToegewezen: number };
  /** The allocation's end, when it has passed or comes within four weeks while support goes on after it. */
  eindigtBinnenkort?: IsoDate;
  /** Whether that end has already passed. */
  verlopen?: boolean;
}

/**
 * Compares the planned support with the allocation from today (or its start) up to 90 days ahead (or its
 * end). Derived for the day asked, never stored.
 */
export function allocationCheck(
  changes: readonly SupportChange[],
  allocation: Toewijzing,
  today: IsoDate,
  config: SupportConfig,
): AllocationCheck {
  const allocated = hoursPerWeek(allocation.omvang, allocation);
  const from = allocation.ingangsdatum > today ? allocation.ingangsdatum : today;
  const horizon = addDays(today, ALLOCATION_HORIZON_DAYS);
  const to = allocation.einddatum && allocation.einddatum < horizon ? allocation.einddatum : horizon;
  const excess = allocated === undefined ? undefined : firstExcess(changes, from, to, round(allocated), config);
  const ending = endingWhileSupportGoesOn(changes, allocation, today, config);
  return {
    ...(allocated !== undefined ? { urenPerWeekToegewezen: round(allocated) } : {}),
    ...(excess ? { overschrijding: excess } : {}),
    ...(ending ? { eindigtBinnenkort: ending, verlopen: ending < today } : {}),
  };
}

function firstExcess(
  changes: readonly SupportChange[],
  from: IsoDate,
  to: IsoDate,
  allocated: number,
  config: SupportConfig,
): AllocationCheck['overschrijding'] {
  for (let day = from; day <= to; day = addDays(day, 1)) {
    if (round(plannedHoursPerWeek(changes, day, config)) > allocated) {
      return {
        vanaf: day,
        urenPerWeekGepland: round(plannedPeak(changes, day, to, config)),
        urenPerWeekToegewezen: allocated,
      };
    }
  }
  return undefined;
}

function endingWhileSupportGoesOn(
  changes: readonly SupportChange[],
  allocation: Toewijzing,
  today: IsoDate,
  config: SupportConfig,
): IsoDate | undefined {
  const end = allocation.einddatum;
  if (!end || end > addDays(today, ALLOCATION_ENDING_DAYS)) return undefined;
  const after = addDays(end, 1);
  return plannedHoursPerWeek(changes, after > today ? after : today, config) > 0 ? end : undefined;
}

/** A draft verzoek om wijziging (iWmo WMO317), as `draftVow` makes it and the provider's iWmo system imports it. */
export interface VowDraft {
  bericht: 'WMO317';
  Verzoek: {
    ReferentieAanbieder: string;
    RedenVerzoek: RedenVerzoekCode;
    TeWijzigenProducten: {
      ToewijzingNummer: string;
      GewensteIngangsdatum: IsoDate;
      Einddatum?: IsoDate;
      Omvang: { Volume: number; Eenheid: EenheidCode; Frequentie: '2' };
    }[];
  };
  redenVerzoekOmschrijving: string;
  toelichting: string;
  /** The pseudonymous reference: the only identifier of the person that leaves the provider. */
  persoonRef: string;
  /** What the provider's system must fill in before sending. */
  ontbreekt: 'Bsn'[];
}
