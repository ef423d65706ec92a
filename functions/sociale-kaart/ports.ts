import type { Partner } from '../../shared/domain/wijk/sociale-kaart';

/** A wijk on a provider's sociale kaart: its name as first typed, and how many partners it has. */
export interface KaartWijk {
  wijk: string;
  wijkKey: string;
  partners: number;
}

/** Where a provider's sociale kaart is kept: per provider and wijk, no person's data. */
export interface SocialeKaartStore {
  /** Adds the partner (and its wijk, if new); false when a partner with this id is there already. */
  add(partner: Partner): Promise<boolean>;
  get(providerId: string, wijkKey: string, partnerId: string): Promise<Partner | undefined>;
  ofWijk(providerId: string, wijkKey: string): Promise<Partner[]>;
  wijken(providerId: string): Promise<KaartWijk[]>;
  /** Writes `after` only if the stored partner is still at `before`'s version (else a StaleVersion). */
  replace(before: Partner, after: Partner): Promise<void>;
}
