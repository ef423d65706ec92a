/**
 * Signaleringsplan (seed 004, Voorkomen terugval in dakloosheid): early warning signs in the person's own
 * words, by phase, each with the action agreed, who acts, and whether the network or the corporation may be
 * told. Made with the person and their network; every change is a new version, and the person's agreement is
 * recorded on a version.
 */
export const signFases = ['groen', 'oranje', 'rood'] as const;
export type SignFase = (typeof signFases)[number];

export const signFaseLabels: Record<SignFase, string> = {
  groen: 'Groen: het gaat goed',
  oranje: 'Oranje: eerste signalen',
  rood: 'Rood: crisis dreigt',
};

export interface Sign {
  id: string;
  fase: SignFase;
  /** In the person's own words. */
  teken: string;
  actie: string;
  wie: string;
  netwerkMagWeten: boolean;
  corporatieMagWeten: boolean;
}

export interface PlanVersion {
  versie: number;
  tekens: Sign[];
  opgesteldMet: string;
  vastgelegdOp: string;
  vastgelegdDoor: { id: string; naam: string };
  akkoordPersoonOp?: string;
}

export function currentPlan(versions: readonly PlanVersion[]): PlanVersion | undefined {
  return versions.at(-1);
}
