import { defaultSupportConfig, type SupportConfig } from './support';

/**
 * What differs per zorgaanbieder in ambulant support: the hours a week each level means, how long a level
 * may go without contact, when a scale-up is reviewed. Defaults hold for the region; a provider overrides
 * what it agreed differently (in its contract with the municipalities). Kept as reviewed configuration in
 * code until providers manage it themselves.
 */
const overrides: Partial<Record<string, Partial<SupportConfig>>> = {
  // Zorggroep Lindehof (demo) works with a larger team per person: more hours at every level but afgeschaald.
  'org-lindehof': { hoursPerWeek: { intensief: 12, verhoogd: 8, regulier: 4, licht: 2, waakvlam: 1, afgeschaald: 0 } },
};

export function supportConfigFor(providerId: string): SupportConfig {
  return { ...defaultSupportConfig, ...overrides[providerId] };
}
