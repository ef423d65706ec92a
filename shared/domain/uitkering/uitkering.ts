import {
  addDays,
  ageInYears,
  datumInWoorden,
  daysBetween,
  feestdag,
  isFirstOfMonth,
  isWeekend,
  nearestFirstOfMonth,
  nextWerkdag,
  type IsoDate,
} from '../common/calendar';

/**
 * Uitkering timing (seed 004, bouwsteen Financiën op orde): the benefit must start on the move date, not
 * after, or rent arrears start at once. Werk & Inkomen needs weeks to decide while a contingentwoning comes at
 * about two weeks' notice, so the application has to go in early enough.
 */
export interface UitkeringStatus {
  /** The application is prepared with Werk & Inkomen and waits for the address of the woning. */
  klaargezetOp?: IsoDate;
  aangevraagdOp?: IsoDate;
  besluitOp?: IsoDate;
  /** Set once decided: granted or refused. */
  toegekend?: boolean;
  /** The start date of a granted benefit. */
  ingangsdatum?: IsoDate;
  /** Who at Werk & Inkomen knows this person's application: the korte lijn. */
  contactWerkInkomen?: string;
  /** Werk & Inkomen agreed to "flexibel omgaan met de regelgeving": to decide fast once the woning comes. */
  maatwerkAfgesproken?: boolean;
  /** Bijzondere bijstand for the moving costs. */
  bijzondereBijstand?: BijzondereBijstand;
}

export interface BijzondereBijstand {
  aangevraagdOp?: IsoDate;
  /** Set once decided. */
  toegekend?: boolean;
  /** The amount granted, in euro cents. */
  bedragCent?: number;
}

/** How many days before the latest safe application date the timing turns amber: time to act soon. */
export const SOON_DAYS = 14;

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

/**
 * Red means an action is due now (apply, or ask Werk & Inkomen for maatwerk), never merely "not applied
 * yet" months ahead: a contingentwoning often comes two weeks ahead, and the application waits for the address.
 */
export function uitkeringRisk(input: {
  moveDate?: IsoDate;
  status: UitkeringStatus;
  decisionWeeks: number;
  today: IsoDate;
}): UitkeringRisk {
  const { moveDate, status, decisionWeeks, today } = input;
  if (!moveDate) {
    return {
      level: 'open',
      reden: status.klaargezetOp
        ? 'Aanvraag klaargezet: indienen zodra het adres van de woning bekend is.'
        : 'Nog geen verhuisdatum: zet de aanvraag klaar bij Werk & Inkomen, zodat hij met het adres in kan.',
    };
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
  const maatwerk = status.maatwerkAfgesproken
    ? ' Met Werk & Inkomen is maatwerk afgesproken.'
    : ' Vraag Werk & Inkomen om maatwerk: snel beslissen zodra de woning er is.';
  if (!status.aangevraagdOp) {
    const klaar = status.klaargezetOp ? 'De aanvraag is klaargezet: ' : '';
    if (today >= latest) {
      return {
        level: 'rood',
        reden: `${klaar}nu aanvragen; de uiterste aanvraagdatum was ${datumInWoorden(latest)}.${maatwerk}`,
        latestSafeApplicationDate: latest,
      };
    }
    return {
      level: today >= addDays(latest, -SOON_DAYS) ? 'oranje' : 'open',
      reden: `${klaar || 'Nog niet aangevraagd; '}uiterlijk aanvragen op ${datumInWoorden(latest)}.`,
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
  const dagen = daysBetween(moveDate, expected);
  return {
    level: status.maatwerkAfgesproken ? 'oranje' : 'rood',
    reden: `Aangevraagd, maar het besluit wordt pas ${dagen} dagen na de verhuizing verwacht (gewone termijn).${maatwerk}`,
    latestSafeApplicationDate: latest,
    expectedDecisionDate: expected,
  };
}

/**
 * Participatiewet: under 21 the lower jongerennorm applies (parents are assumed to contribute); under 27 the
 * zoektermijn of four weeks runs between the melding and the application. Ages on the move date.
 */
export const JONGERENNORM_ONDER = 21;
export const ZOEKTERMIJN_ONDER = 27;

export interface JongerenWarning {
  leeftijd: number;
  reden: string;
}

/** What the Participatiewet means for a young person's benefit on the move date (or today, without one). */
export function jongerenWarning(geboortedatum: IsoDate, opDatum: IsoDate): JongerenWarning | undefined {
  const leeftijd = ageInYears(geboortedatum, opDatum);
  if (leeftijd >= ZOEKTERMIJN_ONDER) return undefined;
  const zoektermijn =
    `Onder de ${ZOEKTERMIJN_ONDER} geldt een zoektermijn van vier weken tussen melding en aanvraag: ` +
    'meld de persoon op tijd bij Werk & Inkomen.';
  if (leeftijd >= JONGERENNORM_ONDER) return { leeftijd, reden: `${leeftijd} jaar op de verhuisdatum. ${zoektermijn}` };
  return {
    leeftijd,
    reden:
      `${leeftijd} jaar op de verhuisdatum: de jongerennorm geldt, een lagere uitkering die vaak te laag is ` +
      `om zelfstandig te wonen. Bespreek aanvullende bijstand met Werk & Inkomen. ${zoektermijn}`,
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
    reden:
      'Verhuizen midden in de maand kost de huurtoeslag van die maand, terwijl de volledige eigen bijdrage ' +
      'wel betaald moet worden.',
    suggestie: nearestFirstOfMonth(moveDate),
  };
}

function geenWerkdag(date: IsoDate): string | undefined {
  const naam = feestdag(date);
  if (naam) return naam;
  if (!isWeekend(date)) return undefined;
  return new Date(`${date}T12:00:00Z`).getUTCDay() === 6 ? 'een zaterdag' : 'een zondag';
}

export interface VerhuisdagAdvies {
  reden: string;
  /** A werkdag: the 1st of a month, or the first werkdag after it when the 1st is none. */
  suggestie: IsoDate;
  /** Set when the chosen day is a weekend day or a public holiday. */
  geenVerhuisdag?: string;
  /** The start of the granted uitkering, shown beside the advice. */
  uitkeringIngangsdatum?: IsoDate;
  /** Set when the suggested day comes before the uitkering starts: fixing one would break the other. */
  uitkeringWaarschuwing?: string;
}

/**
 * Advice on the move date: on the 1st for the huurtoeslag, on a werkdag (1 January is no moving day), and
 * beside the uitkering's start so that moving for the one does not silently break the other.
 */
export function verhuisdagAdvies(moveDate: IsoDate, uitkering: UitkeringStatus): VerhuisdagAdvies | undefined {
  const eerste = isFirstOfMonth(moveDate) ? moveDate : nearestFirstOfMonth(moveDate);
  const suggestie = nextWerkdag(eerste);
  if (suggestie === moveDate) return undefined;
  const dicht = geenWerkdag(moveDate);
  const redenen = [
    ...(isFirstOfMonth(moveDate) ? [] : [huurtoeslagWarning(moveDate)!.reden]),
    ...(eerste !== suggestie
      ? [
          `${datumInWoorden(eerste)} is ${geenWerkdag(eerste)}: laat het huurcontract op de 1e ingaan en verhuis ` +
            `op de eerste werkdag daarna.`,
        ]
      : []),
  ];
  const ingang = uitkering.toegekend === true ? uitkering.ingangsdatum : undefined;
  return {
    reden: redenen.join(' ') || `Verhuis op een werkdag: ${datumInWoorden(suggestie)}.`,
    suggestie,
    ...(dicht ? { geenVerhuisdag: `${datumInWoorden(moveDate)} is ${dicht}: geen verhuisdag.` } : {}),
    ...(ingang ? { uitkeringIngangsdatum: ingang } : {}),
    ...(ingang && suggestie < ingang
      ? {
          uitkeringWaarschuwing:
            `De uitkering gaat pas in op ${datumInWoorden(ingang)}: verhuizen op ${datumInWoorden(suggestie)} ` +
            'laat een gat. Vraag Werk & Inkomen de ingangsdatum te vervroegen.',
        }
      : {}),
  };
}
