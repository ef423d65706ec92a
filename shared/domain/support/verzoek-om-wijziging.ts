import { addDays, datumInWoorden, type IsoDate } from '../common/calendar';
import {
  ALLOCATION_HORIZON_DAYS,
  eenheidLabels,
  hoursPerWeek,
  omvangInWoorden,
  plannedPeak,
  redenVerzoekLabels,
  type EenheidCode,
  type Omvang,
  type RedenVerzoekCode,
  type Toewijzing,
  type VowDraft,
} from './iwmo';
import type { SupportConfig } from './support';
import type { Transition } from '../transition/transition';
import { RuleViolation } from '../common/errors';

/**
 * A draft verzoek om wijziging (iWmo WMO317) for the allocation, from the support the caseworker planned.
 * Landing does not send it: the provider's iWmo system imports the draft, adds the BSN (which Landing never
 * knows) and the message header, and sends it. Kept apart from iwmo.ts because drafting applies rules that
 * can refuse (RuleViolation), while iwmo.ts only translates.
 */
export interface VowInput {
  redenVerzoek: RedenVerzoekCode;
  gewensteIngangsdatum: IsoDate;
  toelichting?: string;
}

/** Units a week of hours can be expressed in as a whole volume; an etmaal is a stay, not ambulant support. */
const hoursPerVolume: Partial<Record<EenheidCode, number>> = { '01': 1 / 60, '04': 1, '16': 4 };

/** Rounded up: asking for a little more than planned is safer than a shortfall every week. */
function volumeFor(hours: number, eenheid: EenheidCode): number | undefined {
  const perVolume = hoursPerVolume[eenheid];
  return perVolume === undefined ? undefined : Math.ceil(hours / perVolume - 1e-9);
}

/** Stable for the same change: drafting it again gives the same reference (iWmo's Referentie is at most 20 characters). */
export function referentieAanbieder(transitionId: string, gewensteIngangsdatum: IsoDate): string {
  return `L-${transitionId.replace(/-/g, '').slice(0, 8).toUpperCase()}-${gewensteIngangsdatum.replace(/-/g, '')}`;
}

export function draftVow(
  transition: Pick<Transition, 'id' | 'persoonRef' | 'ondersteuning'>,
  allocation: Toewijzing | undefined,
  config: SupportConfig,
  input: VowInput,
): VowDraft {
  if (!allocation) throw new RuleViolation('Er is nog geen toewijzing vastgelegd: leg die eerst vast.');
  const start = input.gewensteIngangsdatum;
  if (start < allocation.ingangsdatum || (allocation.einddatum && start > allocation.einddatum)) {
    throw new RuleViolation(
      `De gewenste ingangsdatum valt buiten de toewijzing (vanaf ${datumInWoorden(allocation.ingangsdatum)}${allocation.einddatum ? ` tot en met ${datumInWoorden(allocation.einddatum)}` : ''}).`,
    );
  }
  const horizon = addDays(start, ALLOCATION_HORIZON_DAYS);
  const planned = plannedPeak(
    transition.ondersteuning,
    start,
    allocation.einddatum && allocation.einddatum < horizon ? allocation.einddatum : horizon,
    config,
  );
  if (planned === 0)
    throw new RuleViolation(
      `Vanaf ${start} is geen ondersteuning gepland: een wijziging van de omvang past daar niet bij.`,
    );
  const volume = volumeFor(planned, allocation.omvang.eenheid);
  if (volume === undefined) {
    throw new RuleViolation(
      `De toewijzing is in ${eenheidLabels[allocation.omvang.eenheid].toLowerCase()}: Landing kan daar geen nieuwe omvang voor berekenen.`,
    );
  }
  const omvang: Omvang = { volume, eenheid: allocation.omvang.eenheid, frequentie: '2' };
  if (hoursPerWeek(omvang) === hoursPerWeek(allocation.omvang, allocation)) {
    throw new RuleViolation('De toewijzing past al bij de geplande ondersteuning: er is niets te wijzigen.');
  }
  return {
    bericht: 'WMO317',
    Verzoek: {
      ReferentieAanbieder: referentieAanbieder(transition.id, start),
      RedenVerzoek: input.redenVerzoek,
      TeWijzigenProducten: [
        {
          ToewijzingNummer: allocation.toewijzingNummer,
          GewensteIngangsdatum: start,
          ...(allocation.einddatum ? { Einddatum: allocation.einddatum } : {}),
          Omvang: { Volume: omvang.volume, Eenheid: omvang.eenheid, Frequentie: '2' },
        },
      ],
    },
    redenVerzoekOmschrijving: redenVerzoekLabels[input.redenVerzoek],
    // Only what the caseworker wrote for this purpose, or the numbers: never the reasons of support changes.
    toelichting:
      input.toelichting?.trim() ||
      `Gevraagd: ${omvangInWoorden(omvang)} vanaf ${datumInWoorden(start)}; toegewezen is ${omvangInWoorden(allocation.omvang)}.`,
    persoonRef: transition.persoonRef,
    ontbreekt: ['Bsn'],
  };
}
