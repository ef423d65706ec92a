import type { Principal } from '../../shared/domain/principal';

export interface StoredApiKey {
  prefix: string;
  corporatieId: string;
  aangemaaktOp: string;
  aangemaaktDoor: { id: string; naam: string };
}

/** Corporations' API keys, by their hash; the key itself is never stored. */
export interface ApiKeyStore {
  create(key: StoredApiKey & { hash: string }): Promise<void>;
  byHash(hash: string): Promise<StoredApiKey | undefined>;
  ofCorporation(corporatieId: string): Promise<StoredApiKey[]>;
  /** False when there was no such key. */
  revoke(corporatieId: string, prefix: string): Promise<boolean>;
}

/** The corporation's homes by their unit number, and the transition placed there. */
export interface HomeIndex {
  transitionAt(corporatieId: string, eenheidnummer: string): Promise<string | undefined>;
}

export type CorporationPrincipal = Principal & { role: 'corporatie' };
