export interface StoredApiKey {
  prefix: string;
  corporatieId: string;
  /** The provider whose beheerder issued it: the key reaches that provider's transitions and notices only. */
  providerId: string;
  aangemaaktOp: string;
  aangemaaktDoor: { id: string; naam: string };
}

/**
 * Corporations' API keys, by their hash; the key itself is never stored. A corporation working with several
 * providers holds a key from each: a provider lists and revokes only the keys it issued.
 */
export interface ApiKeyStore {
  create(key: StoredApiKey & { hash: string }): Promise<void>;
  byHash(hash: string): Promise<StoredApiKey | undefined>;
  issuedBy(providerId: string, corporatieId: string): Promise<StoredApiKey[]>;
  /** False when there was no such key from this provider. */
  revoke(providerId: string, corporatieId: string, prefix: string): Promise<boolean>;
}

/** The corporation's homes by their unit number, and the provider's transition placed there. */
export interface HomeIndex {
  transitionAt(providerId: string, corporatieId: string, eenheidnummer: string): Promise<string | undefined>;
}
