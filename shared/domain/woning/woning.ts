import { addMonths, type IsoDate } from '../common/calendar';

/**
 * Woning: a contingentwoning offered by a corporation, and the contract under which the person lives there
 * (seed 004, bouwsteen Wonen): a driepartijenovereenkomst that omklapt to an own lease after 2–3 years, or
 * an own lease from the start (Housing First).
 */
export const contractVormen = ['driepartijenovereenkomst', 'eigen-huurcontract'] as const;
export type ContractVorm = (typeof contractVormen)[number];

export const contractVormLabels: Record<ContractVorm, string> = {
  driepartijenovereenkomst: 'Driepartijenovereenkomst (omklap naar eigen huurcontract)',
  'eigen-huurcontract': 'Eigen huurcontract (Housing First)',
};

export const OMKLAP_DEFAULT_MONTHS = 24;
export const OMKLAP_MIN_MONTHS = 12;
export const OMKLAP_MAX_MONTHS = 36;

/** CBS wijkcode: WK and six digits, the first four the gemeentecode (GM0344 → WK0344xx). */
export const WIJKCODE_PATTERN = /^WK\d{6}$/;
export const WIJKCODE_MESSAGE = 'Een wijkcode is WK met zes cijfers, zoals WK034401.';

/** The gemeentecode a wijkcode belongs to (WK034401 → GM0344). */
export function gemeenteVanWijkcode(wijkcode: string): string {
  return `GM${wijkcode.slice(2, 6)}`;
}

export type AanbiedingStatus = 'open' | 'geaccepteerd' | 'afgewezen';

export interface WoningAanbieding {
  id: string;
  corporatieId: string;
  adres: { straat: string; huisnummer: string; postcode: string; plaats: string };
  wijk: string;
  /** The CBS wijkcode (WK034401); absent on homes registered before it was asked. */
  wijkcode?: string;
  huurPerMaandCent: number;
  beschikbaarVanaf: IsoDate;
  reactieUiterlijk: IsoDate;
  status: AanbiedingStatus;
  /** The corporation's own reference of the home (verhuureenheid): how its notices and signals name it. */
  eenheidnummer?: string;
  besluit?: { op: IsoDate; reden?: string; door: { id: string; naam: string } };
}

export interface Contract {
  vorm: ContractVorm;
  aanbiedingId: string;
  ingangsdatum: IsoDate;
  getekendOp: IsoDate;
  /** Only for a driepartijenovereenkomst. */
  omklapNaMaanden?: number;
  garantstelling?: { reden: string };
  /** The corporation's contract number, so its notices name the contract as it knows it. */
  contractnummer?: string;
}

export function omklapDatum(contract: Contract): IsoDate | undefined {
  if (contract.vorm !== 'driepartijenovereenkomst') return undefined;
  return addMonths(contract.ingangsdatum, contract.omklapNaMaanden ?? OMKLAP_DEFAULT_MONTHS);
}

/** When the corporation hears of the omklap: `noticeMonths` ahead (the municipality's policy, default 3). */
export function omklapAankondiging(contract: Contract, noticeMonths: number): IsoDate | undefined {
  const datum = omklapDatum(contract);
  return datum ? addMonths(datum, -noticeMonths) : undefined;
}

export function geaccepteerdeAanbieding(aanbiedingen: readonly WoningAanbieding[]): WoningAanbieding | undefined {
  return aanbiedingen.find((a) => a.status === 'geaccepteerd');
}

/**
 * The omklap is a decision, not a date: "bij een geslaagd traject kan vervolgens een zelfstandige
 * huurovereenkomst" be signed ("Bouwen aan een thuis"). The duo and the corporation decide, with the person:
 * omklap (the lease goes to the person's name on `per`), uitstel (a new date, with a reason) or niet (a reason).
 */
export const omklapBesluitSoorten = ['omklap', 'uitstel', 'niet'] as const;
export type OmklapBesluitSoort = (typeof omklapBesluitSoorten)[number];

export const omklapBesluitLabels: Record<OmklapBesluitSoort, string> = {
  omklap: 'Omklap: het huurcontract gaat op naam van de persoon',
  uitstel: 'Uitstel naar een nieuwe datum',
  niet: 'Geen omklap',
};

export interface OmklapBesluit {
  besluit: OmklapBesluitSoort;
  /** omklap: the day the lease is on the person's name. */
  per?: IsoDate;
  /** uitstel: the new omklap date. */
  nieuweDatum?: IsoDate;
  /** uitstel and niet. */
  reden?: string;
  /** Who took the decision (the duo, the corporation's contact, the person); `door` only recorded it. */
  genomenDoor: string;
  op: IsoDate;
  door: { id: string; naam: string };
}

/** The omklap date in force: the last uitstel's new date, else the contract's. */
export function geldendeOmklapDatum(contract: Contract, besluiten: readonly OmklapBesluit[] = []): IsoDate | undefined {
  const datum = omklapDatum(contract);
  if (!datum) return undefined;
  return besluiten.filter((b) => b.besluit === 'uitstel').at(-1)?.nieuweDatum ?? datum;
}

/** The final decision (omklap or niet), when taken; an uitstel leaves the question open for its new date. */
export function omklapEindbesluit(besluiten: readonly OmklapBesluit[] = []): OmklapBesluit | undefined {
  return besluiten.find((b) => b.besluit !== 'uitstel');
}
